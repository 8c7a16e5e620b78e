package kr.complaintdesk.platform.logging;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/** {@code %maskedEx}: stack traces with customer contact details in exception messages masked. */
public class MaskedThrowableConverter extends ExtendedThrowableProxyConverter {

  @Override
  protected String throwableProxyToString(IThrowableProxy proxy) {
    return PiiMask.mask(super.throwableProxyToString(proxy));
  }
}
