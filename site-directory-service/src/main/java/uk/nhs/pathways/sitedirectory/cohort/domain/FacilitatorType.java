package uk.nhs.pathways.sitedirectory.cohort.domain;

/** Who leads the class: the practitioners of the domain primer's delivery table. */
public enum FacilitatorType {
    PHYSIOTHERAPIST, THERAPY_ASSISTANT, FITNESS_INSTRUCTOR
}
