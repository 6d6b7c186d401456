package org.scalingcoach.audit;

/** Decides who may see every audit of their workspace rather than only their own. */
@FunctionalInterface
public interface ManagerPolicy {
  boolean isManager(Actor actor);
}
