package org.cdswebsocket.it.format;

/** The line format registered for ServiceLoader under the name {@code line-loaded}. */
public final class LoadedLineFormat extends LineFormat {

  public LoadedLineFormat() {
    super("loader");
  }

  @Override
  public String name() {
    return "line-loaded";
  }
}
