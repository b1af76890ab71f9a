package uk.nhs.pathways.sitedirectory.commissioner.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A sub-ICB location (a former clinical commissioning group's area) of an ICB. */
@Entity
@Table(name = "sub_icb_location")
public class SubIcbLocation extends PanacheEntityBase {

    @Id
    @Column(name = "ods_code")
    public String odsCode;

    @Column(name = "ons_code")
    public String onsCode;

    public String name;

    @Column(name = "icb_ods_code")
    public String icbOdsCode;
}
