package kr.complaintdesk.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that needs something outside the JVM (a browser, a database server, Node.js). Without it the
 * test is skipped with a message saying what to install, except in CI ({@code CI=true}), where a
 * missing tool fails the build instead of passing silently.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresCondition.class)
public @interface Requires {

  ExternalTool[] value();
}
