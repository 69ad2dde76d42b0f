@echo off
rem Launches the NodeLink agent on Windows with the low-footprint JVM settings of bin/agent.
rem The jar: %NODELINK_AGENT_JAR%, else nodelink-agent.jar beside this script.
rem Java: %JAVA_HOME%\bin\java.exe, else java on the PATH (Java 17 or newer).
rem Extra JVM options (they come last, so they win): %NODELINK_AGENT_JAVA_OPTS%.
rem Configuration: %ProgramData%\NodeLink\agent.properties unless --config says otherwise.
setlocal
set "HERE=%~dp0"
if not defined NODELINK_AGENT_JAR set "NODELINK_AGENT_JAR=%HERE%nodelink-agent.jar"
if not exist "%NODELINK_AGENT_JAR%" (
  echo agent: %NODELINK_AGENT_JAR% not found ^(set NODELINK_AGENT_JAR^) 1>&2
  exit /b 1
)
set "JAVA_CMD=java"
if defined JAVA_HOME set "JAVA_CMD=%JAVA_HOME%\bin\java.exe"
"%JAVA_CMD%" -Xms8m -Xmx32m -Xss256k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 ^
  -XX:CICompilerCount=1 -XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=16m ^
  -XX:MaxDirectMemorySize=16m -XX:-UsePerfData -XX:+ExitOnOutOfMemoryError ^
  -Dio.grpc.netty.useCustomAllocator=false ^
  -Dio.grpc.netty.shaded.io.netty.allocator.type=unpooled ^
  -Dio.grpc.netty.shaded.io.netty.eventLoopThreads=1 ^
  %NODELINK_AGENT_JAVA_OPTS% -jar "%NODELINK_AGENT_JAR%" %*
exit /b %ERRORLEVEL%
