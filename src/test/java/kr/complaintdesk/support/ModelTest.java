package kr.complaintdesk.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The models of {@code processes/} on a plain engine, without the application ({@link ModelEngine}): for tests of
 * a model's paths, decisions and timers, whose steps' beans are mocks or small real classes. Seconds faster than
 * a {@link ProcessTest}. All classes share one engine, so every test must find its own instances by business key
 * or instance id, never by counting everything.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ModelEngineExtension.class)
public @interface ModelTest {}
