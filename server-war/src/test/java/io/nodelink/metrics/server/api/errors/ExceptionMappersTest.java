package io.nodelink.metrics.server.api.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.server.domain.DomainException;
import io.nodelink.metrics.server.view.ErrorDto;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.InternalServerErrorException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class ExceptionMappersTest {

  @Test
  void domainErrorsMapToTheirStatusWithTheMessage() {
    DomainExceptionMapper mapper = new DomainExceptionMapper();

    assertError(mapper.toResponse(DomainException.agentNotFound()), 404, "agent not found");
    assertError(mapper.toResponse(DomainException.agentOffline()), 409, "agent offline");
    assertError(mapper.toResponse(DomainException.badRequest("bad interval")), 400, "bad interval");
    assertError(mapper.toResponse(DomainException.limitReached("too many")), 503, "too many");
  }

  @Test
  void unknownPathIsA404Json() {
    assertError(new NotFoundMapper().toResponse(new NotFoundException()), 404, "not found");
  }

  @Test
  void wrongMethodIsA405JsonThatKeepsTheAllowHeader() {
    Response response =
        new NotAllowedMapper().toResponse(new NotAllowedException("GET", new String[] {"OPTIONS"}));

    assertError(response, 405, "method not allowed");
    assertThat(response.getHeaderString(HttpHeaders.ALLOW)).contains("GET");
  }

  @Test
  void otherJaxRsErrorsKeepTheirStatus() {
    WebApplicationExceptionMapper mapper = new WebApplicationExceptionMapper();

    assertError(mapper.toResponse(new BadRequestException()), 400, "bad request");
    assertError(mapper.toResponse(new NotAcceptableException()), 406, "not acceptable");
    assertError(
        mapper.toResponse(new InternalServerErrorException()), 500, "internal server error");
  }

  @Test
  void unreadableBodiesAre400s() {
    assertError(
        new ProcessingExceptionMapper().toResponse(new ProcessingException("x")),
        400,
        "invalid request body");
    assertError(
        new JsonbExceptionMapper().toResponse(new JsonbException("x")), 400, "invalid JSON");
  }

  @Test
  void anythingElseIsA500WithoutInternals() {
    Response response =
        new ThrowableMapper().toResponse(new IllegalStateException("secret internals"));

    assertError(response, 500, "internal server error");
  }

  private static void assertError(Response response, int status, String message) {
    assertThat(response.getStatus()).isEqualTo(status);
    assertThat(response.getMediaType()).isEqualTo(MediaType.APPLICATION_JSON_TYPE);
    assertThat(response.getEntity()).isEqualTo(new ErrorDto(message));
  }
}
