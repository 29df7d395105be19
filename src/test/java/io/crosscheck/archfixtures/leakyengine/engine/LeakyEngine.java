package io.crosscheck.archfixtures.leakyengine.engine;

import io.crosscheck.archfixtures.leakyengine.screening.Screen;
import jakarta.ws.rs.core.Response;

/** An engine class that knows HTTP and a feature package: both forbidden. */
public class LeakyEngine {
    public Response answer(Screen screen) {
        return Response.ok(screen).build();
    }
}
