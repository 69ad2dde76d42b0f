package io.nodelink.metrics.server.api;

import io.nodelink.metrics.server.domain.DomainException;
import io.nodelink.metrics.server.streaming.StreamingControl;
import io.nodelink.metrics.server.tasks.TaskDispatcher;
import io.nodelink.metrics.server.tasks.TaskRegistry;
import io.nodelink.metrics.server.tasks.TaskType;
import io.nodelink.metrics.server.tasks.TaskView;
import io.nodelink.metrics.server.view.DtoMapper;
import io.nodelink.metrics.server.view.ErrorDto;
import io.nodelink.metrics.server.view.MessageDto;
import io.nodelink.metrics.server.view.TaskDto;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Control tasks: their status, and cancelling them. */
@Path("/tasks/{taskId}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tasks", description = "Control tasks sent to agents")
public class TasksResource {

  @Inject TaskRegistry tasks;

  @Inject TaskDispatcher dispatcher;

  @Inject StreamingControl streaming;

  @GET
  @Operation(summary = "A task's status")
  @APIResponse(
      responseCode = "200",
      description = "The task",
      content = @Content(schema = @Schema(implementation = TaskDto.class)))
  @APIResponse(
      responseCode = "404",
      description = "Unknown task",
      content = @Content(schema = @Schema(implementation = ErrorDto.class)))
  public TaskDto task(@Parameter(description = "Task id") @PathParam("taskId") String taskId) {
    return DtoMapper.task(find(taskId));
  }

  @DELETE
  @Operation(
      summary = "Cancel a task",
      description =
          "Cancelling a stream task stops streaming and ends the manual hold; SSE clients still"
              + " connected get a new stream.")
  @APIResponse(
      responseCode = "200",
      description = "Cancelled",
      content = @Content(schema = @Schema(implementation = MessageDto.class)))
  @APIResponse(
      responseCode = "404",
      description = "Unknown task",
      content = @Content(schema = @Schema(implementation = ErrorDto.class)))
  @APIResponse(
      responseCode = "409",
      description = "Task already finished",
      content = @Content(schema = @Schema(implementation = ErrorDto.class)))
  public MessageDto cancel(@Parameter(description = "Task id") @PathParam("taskId") String taskId) {
    TaskView task = find(taskId);
    if (task.isFinal()) {
      throw DomainException.conflict("task already " + task.status().json());
    }
    if (task.type() == TaskType.METRICS_START) {
      streaming.cancelStream(task, "cancelled by user");
    } else {
      dispatcher.cancel(task, "cancelled by user");
    }
    return new MessageDto("task cancelled");
  }

  private TaskView find(String taskId) {
    return tasks.find(taskId).orElseThrow(() -> DomainException.notFound("task not found"));
  }
}
