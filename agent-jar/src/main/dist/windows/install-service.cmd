@echo off
rem Installs and starts the NodeLink agent as the Windows service "nodelink-agent" (run as
rem Administrator). Needs WinSW saved beside this script as nodelink-agent.exe (see
rem nodelink-agent.xml) and a configuration in %ProgramData%\NodeLink\agent.properties.
rem   install-service.cmd            install and start
rem   install-service.cmd uninstall  stop and remove
setlocal
set "HERE=%~dp0"
if not exist "%HERE%nodelink-agent.exe" (
  echo install-service: %HERE%nodelink-agent.exe not found: download WinSW-x64.exe from the WinSW releases and save it there under that name 1>&2
  exit /b 1
)
if /i "%~1"=="uninstall" (
  "%HERE%nodelink-agent.exe" stop
  "%HERE%nodelink-agent.exe" uninstall
  exit /b %ERRORLEVEL%
)
if not exist "%ProgramData%\NodeLink" mkdir "%ProgramData%\NodeLink"
if not exist "%ProgramData%\NodeLink\agent.properties" (
  copy "%HERE%agent.properties" "%ProgramData%\NodeLink\agent.properties" >nul
  echo install-service: edit %ProgramData%\NodeLink\agent.properties ^(server, token file^), then run: sc start nodelink-agent
)
"%HERE%nodelink-agent.exe" install || exit /b 1
"%HERE%nodelink-agent.exe" start
exit /b %ERRORLEVEL%
