package org.scalingcoach.audit;

/** One named level of a published maturity model, such as DAMA's "3 Defined". */
public record MaturityLevel(int value, String name) {

  /** "3 Defined": how a level is shown to people. */
  public String label() {
    return value + " " + name;
  }
}
