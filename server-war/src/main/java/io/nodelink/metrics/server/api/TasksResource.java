package io.nodelink.metrics.server.api;

import io.nodelink.metrics.server.domain.DomainException;
import io.nodelink.metrics.server.streaming.StreamingControl;
import io.nodelink.metrics.server.tasks.TaskDispatcher;
import io.nodelink.metrics.server.tasks.TaskRegistry;
import io.nodelink.metrics.server.tasks.TaskType;
import io.nodelink.metrics.server.tasks.TaskView;
import io.nodelink.metrics.server.view.DtoMapper;
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

/** Control tasks: their status, and cancelling them. */
@Path("/tasks/{taskId}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TasksResource {

  @Inject TaskRegistry tasks;

  @Inject TaskDispatcher dispatcher;

  @Inject StreamingControl streaming;

  @GET
  public TaskDto task(@PathParam("taskId") String taskId) {
    return DtoMapper.task(find(taskId));
  }

  @DELETE
  public MessageDto cancel(@PathParam("taskId") String taskId) {
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
