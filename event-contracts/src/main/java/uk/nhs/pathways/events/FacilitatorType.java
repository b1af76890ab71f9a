package uk.nhs.pathways.events;

/** Who leads a class: the practitioners of the domain primer's delivery table. */
public enum FacilitatorType {
    PHYSIOTHERAPIST,
    THERAPY_ASSISTANT,
    FITNESS_INSTRUCTOR
}
