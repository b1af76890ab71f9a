package uk.nhs.pathways.sitedirectory.commissioner.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An Integrated Care Board: commissions MSK services, and so ESCAPE-pain, for its population. */
@Entity
@Table(name = "icb")
public class Icb extends PanacheEntityBase {

    @Id
    @Column(name = "ods_code")
    public String odsCode;

    @Column(name = "ons_code")
    public String onsCode;

    public String name;

    @Column(name = "region_ods_code")
    public String regionOdsCode;

    @Column(name = "region_name")
    public String regionName;
}
