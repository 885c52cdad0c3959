"""The scope-of-practice skill table, transcribed from ``scope-of-practice.md``.

Private data: plain tuples and strings, no emrpath imports, so importing it costs almost
nothing; :mod:`emrpath.scope` turns it into :class:`~emrpath.scope.SkillRow` values once.

Transcription rules (so the table can be re-checked row by row):

- One tuple per table row, in table order: ``(key, name, category, min_level, note,
  sources, confidence, verify, cite, quote)``.
- ``name``, ``category``, ``note`` and ``confidence`` are the table's words. Markdown bold
  is dropped; a row whose note says **Verify** has ``verify=True``.
- ``min_level`` is the table's "min level" as a :class:`~emrpath.scope.Level` value.
- ``sources`` are the source ids of the table's "source" column, in order ("P1, P2; S1
  agrees" gives ``("P1", "P2", "S1")``; "S1 (S2 consistent)" gives ``("S1", "S2")``).
- ``confidence`` is the table's label: ``"primary"``, ``"secondary"`` or ``"secondary (2
  sources)"``; the last is :attr:`Confidence.SECONDARY` with the agreement kept in the note.
- ``cite`` is the source the row's citation points at: P1 for the three primary rows, S1
  for every other row (every other row rests on S1).
- ``quote`` is what that source says. For P1 it is the paraphrase recorded in the sources
  table (the publication page was summarised, not quoted). For S1 it is copied verbatim
  from the S1 file (the item's ``name`` and ``endorsementNote`` strings, joined by " … "
  where several S1 items make up one row); S1 is a Montana table, so a note such as
  "Requires EMR Monitoring Endorsement" is Montana's condition, and the national row's
  level is the level without the endorsement.
"""

from __future__ import annotations

import types
from collections.abc import Mapping

__all__ = ["P1_SUMMARY", "ROWS", "SOURCES"]

P1_SUMMARY = (
    "paraphrase: the change notices add intramuscular injection, vaccinations during a "
    "public health emergency, and nasal-swab specimen collection at the EMT and higher "
    "levels"
)

# id -> (url, title, quote). Only sources a row names are listed. S1-S3 were read from a
# search index that did not record their addresses: their url is a search that finds
# them, and their title says so.
SOURCES: Mapping[str, tuple[str, str, str]] = types.MappingProxyType(
    {
        "P1": (
            "https://www.nhtsa.gov/node/103856",
            "NHTSA: National EMS Scope of Practice Model 2019: Including Change Notices 1.0 "
            "and 2.0 (DOT HS 813 151, June 2021), publication page",
            P1_SUMMARY,
        ),
        "P2": (
            "https://ambulance.org/2021/04/06/scope-change-notice/",
            'NHTSA Office of EMS memo to State EMS Directors, 29 March 2021, "2019 National '
            'EMS Scope of Practice Model, Change Notices" (reproduced by the American '
            "Ambulance Association)",
            "paraphrase: the model is national guidance; each State keeps the authority to "
            "regulate EMS within its borders and to decide the scope of practice of the EMS "
            "clinicians it licenses",
        ),
        "S1": (
            "https://github.com/search?type=code&q=%22Montana+ECP%22+SKILLS_DATA+ENDORSEMENT_DATA",
            "Montana ECP \u2013 Scope of Practice & Endorsements by Level: a Montana state "
            "table (not the national model) in a public GitHub React/TypeScript app; "
            "repository not recorded, search-index file id 56908920897; url is a code search",
            "Scope of Practice & Endorsements by Level",
        ),
        "S2": (
            "https://www.google.com/search?q=wikisum.wiki+%22Emergency+medical+responder%22",
            'Wikipedia-derived summary of "Emergency medical responder" (wikisum.wiki); '
            "address not recorded, url is a web search",
            "paraphrase: US EMR skills: vital signs, bleeding control, BVM ventilation, "
            "oropharyngeal airway, supplemental O2, oral suctioning, CPR, AED, splinting, "
            "assisting with epinephrine auto-injector and naloxone",
        ),
        "S3": (
            "https://www.scribd.com/search?query=Connecticut%202020%20EMR%20and%20EMT"
            "%20Psychomotor%20Skill%20Sheets",
            'Connecticut "2020 EMR and EMT Psychomotor Skill Sheets" (copy on scribd); '
            "address not recorded, url is a scribd search",
            "may include wound packing or hemostatic agent",
        ),
    }
)

ROWS: tuple[tuple[str, str, str, str, str, tuple[str, ...], str, bool, str, str], ...] = (
    (
        "intramuscular_injection_route",
        "Intramuscular (IM) injection route",
        "Medication administration routes",
        "emt",
        "Added by CN 1.0/2.0 (2021). Not added for EMR.",
        ("P1",),
        "primary",
        False,
        "P1",
        P1_SUMMARY,
    ),
    (
        "immunization_public_health_emergency",
        "Immunization/vaccination during a public health emergency (IM)",
        "Medications",
        "emt",
        ("Added by CN 1.0/2.0. The panel considered EMR, but P1 gives EMT and higher."),
        (
            "P1",
            "P2",
            "S1",
        ),
        "primary",
        False,
        "P1",
        P1_SUMMARY,
    ),
    (
        "nasal_swab_specimen_collection",
        "Specimen collection via nasal swab",
        "Miscellaneous",
        "emt",
        (
            "Added by CN 1.0/2.0 for EMT and higher. S1 note: medical direction "
            "should make sure the clinician has enough clinical experience to "
            "collect an acceptable specimen."
        ),
        (
            "P1",
            "S1",
        ),
        "primary",
        False,
        "P1",
        P1_SUMMARY,
    ),
    (
        "head_tilt_chin_lift",
        "Head tilt–chin lift",
        "Airway/ventilation/oxygenation",
        "emr",
        "Manual airway maneuver",
        ("S1",),
        "secondary",
        False,
        "S1",
        "Head tilt – chin lift … In scope for all levels.",
    ),
    (
        "jaw_thrust",
        "Jaw thrust",
        "Airway/ventilation/oxygenation",
        "emr",
        "Manual airway maneuver",
        ("S1",),
        "secondary",
        False,
        "S1",
        "Jaw thrust … In scope for all levels.",
    ),
    (
        "airway_obstruction_manual_removal",
        "Airway obstruction: removal by manual techniques",
        "Airway/ventilation/oxygenation",
        "emr",
        "e.g. abdominal/chest thrusts",
        ("S1",),
        "secondary",
        False,
        "S1",
        ("Airway obstruction – dislodgement by manual techniques … In scope for all levels."),
    ),
    (
        "mouth_to_barrier_ventilation",
        "Mouth-to-barrier / mask / mouth / nose / stoma ventilation",
        "Airway/ventilation/oxygenation",
        "emr",
        "",
        ("S1",),
        "secondary",
        False,
        "S1",
        ("Mouth-to-barrier, -to-mask, -to-mouth, -to-nose, -to-stoma … In scope for all levels."),
    ),
    (
        "oropharyngeal_airway",
        'Oropharyngeal airway (OPA; "Airway – oral")',
        "Airway/ventilation/oxygenation",
        "emr",
        "",
        (
            "S1",
            "S2",
        ),
        "secondary (2 sources)",
        False,
        "S1",
        "Airway – oral … In scope for all levels.",
    ),
    (
        "bag_valve_mask_ventilation",
        "Bag-valve-mask (BVM) ventilation",
        "Airway/ventilation/oxygenation",
        "emr",
        "",
        (
            "S1",
            "S2",
        ),
        "secondary (2 sources)",
        False,
        "S1",
        "Bag-valve-mask (BVM) … In scope for all levels.",
    ),
    (
        "upper_airway_suctioning",
        "Upper-airway suctioning (S1 also lists stoma)",
        "Airway/ventilation/oxygenation",
        "emr",
        'S2 calls it "oral suctioning"',
        (
            "S1",
            "S2",
        ),
        "secondary (2 sources)",
        False,
        "S1",
        "Suctioning – upper airway and stoma … In scope for all levels.",
    ),
    (
        "oxygen_nasal_cannula_non_rebreather",
        "Oxygen therapy: nasal cannula, non-rebreather mask",
        "Airway/ventilation/oxygenation",
        "emr",
        "Oxygen is the EMR's basic medication",
        (
            "S1",
            "S2",
        ),
        "secondary (2 sources)",
        False,
        "S1",
        ("Oxygen therapy – nasal cannula, non-rebreather mask … In scope for all levels."),
    ),
    (
        "nasopharyngeal_airway",
        'Nasopharyngeal airway (NPA; "Airway – nasal")',
        "Airway/ventilation/oxygenation",
        "emt",
        (
            "Verify. S1 has it at EMT, and S2 lists only OPA for EMR. No source "
            'seen supports "added for EMR in 2019". Canadian EMRs may place NPAs, '
            "but that is not the US model."
        ),
        (
            "S1",
            "S2",
        ),
        "secondary",
        True,
        "S1",
        "Airway – nasal … In scope for EMT, AEMT, and Paramedic.",
    ),
    (
        "oxygen_humidifier_partial_rebreather_simple_venturi",
        ("Oxygen therapy: humidifier, partial rebreather, simple mask, Venturi mask"),
        "Airway/ventilation/oxygenation",
        "emt",
        "",
        ("S1",),
        "secondary",
        False,
        "S1",
        (
            "Oxygen therapy – humidifiers, partial rebreather, simple, Venturi … In"
            " scope for EMT, AEMT, and Paramedic."
        ),
    ),
    (
        "cpap",
        "CPAP",
        "Airway/ventilation/oxygenation",
        "emt",
        "",
        ("S1",),
        "secondary",
        False,
        "S1",
        ("Continuous Positive Airway Pressure (CPAP) … In scope for EMT, AEMT, and Paramedic."),
    ),
    (
        "pulse_oximetry",
        "Pulse oximetry",
        "Airway/ventilation/oxygenation",
        "emt",
        "Montana allows it for EMRs only with a state endorsement",
        ("S1",),
        "secondary",
        False,
        "S1",
        (
            "Pulse oximetry … Requires EMR Monitoring Endorsement for Emergency "
            "Medical Responders (EMR)."
        ),
    ),
    (
        "supraglottic_airway",
        "Supraglottic airway",
        "Airway/ventilation/oxygenation",
        "aemt",
        ("Montana allows it for EMTs with an airway endorsement. Verify the national level."),
        ("S1",),
        "secondary",
        True,
        "S1",
        (
            "Airway – supraglottic … Requires EMT Airway Endorsement for EMT. In "
            "scope for AEMT and Paramedic."
        ),
    ),
    (
        "etco2_monitoring_numeric",
        "EtCO2 monitoring (numeric values)",
        "Airway/ventilation/oxygenation",
        "aemt",
        "Montana allows it for EMTs with an endorsement. Verify.",
        ("S1",),
        "secondary",
        True,
        "S1",
        (
            "End tidal CO2 numerical values monitoring … Requires EMT Airway "
            "Endorsement for EMT. In scope for AEMT and Paramedic."
        ),
    ),
    (
        "waveform_capnography_interpretation",
        "Waveform capnography interpretation",
        "Airway/ventilation/oxygenation",
        "paramedic",
        "",
        ("S1",),
        "secondary",
        False,
        "S1",
        (
            "End tidal CO2 interpretation of continuous waveform capnography … In "
            "scope for Paramedic level only."
        ),
    ),
    (
        "endotracheal_intubation",
        "Endotracheal intubation",
        "Airway/ventilation/oxygenation",
        "paramedic",
        "Montana allows it for AEMTs with the AEMT-99 endorsement",
        ("S1",),
        "secondary",
        False,
        "S1",
        (
            "Endotracheal intubation … Requires AEMT-99 Endorsement for AEMT. In "
            "scope for Paramedic."
        ),
    ),
    (
        "foreign_body_removal_direct_laryngoscopy",
        "Foreign-body removal by direct laryngoscopy",
        "Airway/ventilation/oxygenation",
        "paramedic",
        "",
        ("S1",),
        "secondary",
        False,
        "S1",
        (
            "Airway obstruction – dislodgement by direct laryngoscopy … In scope "
            "for Paramedic level only."
        ),
    ),
    (
        "needle_chest_decompression",
        "Needle chest decompression",
        "Airway/ventilation/oxygenation",
        "paramedic",
        "Montana allows it for AEMTs with AEMT-99",
        ("S1",),
        "secondary",
        False,
        "S1",
        (
            "Chest decompression – needle … Requires AEMT-99 Endorsement for AEMT. "
            "In scope for Paramedic."
        ),
    ),
    (
        "cricothyrotomy",
        "Cricothyrotomy",
        "Airway/ventilation/oxygenation",
        "paramedic",
        "",
        ("S1",),
        "secondary",
        False,
        "S1",
        "Cricothyrotomy … In scope for Paramedic level only.",
    ),
    (
        "gastric_decompression",
        "Gastric decompression (NG/OG tube)",
        "Airway/ventilation/oxygenation",
        "paramedic",
        "",
        ("S1",),
        "secondary",
        False,
        "S1",
        (
            "Gastric decompression – nasogastric or orogastric tube … In scope for "
            "Paramedic level only."
        ),
    ),
    (
        "high_flow_nasal_cannula",
        "High-flow nasal cannula",
        "Airway/ventilation/oxygenation",
        "paramedic",
        "",
        ("S1",),
        "secondary",
        False,
        "S1",
        ("Oxygen therapy – high flow nasal cannula … In scope for Paramedic level only."),
    ),
    (
        "tracheobronchial_suctioning_intubated",
        "Tracheobronchial suctioning of an intubated patient",
        "Airway/ventilation/oxygenation",
        "paramedic",
        "Verify. The national model may place it lower.",
        ("S1",),
        "secondary",
        True,
        "S1",
        (
            "Suctioning – tracheobronchial of an intubated patient … In scope for "
            "Paramedic level only."
        ),
    ),
    (
        "chest_tube_assist_monitor",
        "Chest tube: assist placement, monitor and manage",
        "Airway/ventilation/oxygenation",
        "paramedic",
        "",
        ("S1",),
        "secondary",
        False,
        "S1",
        (
            "Chest tube placement – assist only … Chest tube – monitoring and "
            "management … In scope for Paramedic level only."
        ),
    ),
    (
        "cpr",
        "Cardiopulmonary resuscitation (CPR)",
        "Cardiovascular/circulation",
        "emr",
        "",
        (
            "S1",
            "S2",
        ),
        "secondary (2 sources)",
        False,
        "S1",
        "Cardiopulmonary resuscitation … In scope for all levels.",
    ),
    (
        "aed_defibrillation",
        "Defibrillation, automated/semi-automated (AED)",
        "Cardiovascular/circulation",
        "emr",
        "",
        (
            "S1",
            "S2",
        ),
        "secondary (2 sources)",
        False,
        "S1",
        "Defibrillation - automated/semi-automated … In scope for all levels.",
    ),
    (
        "hemorrhage_control_direct_pressure",
        "Hemorrhage control: direct pressure",
        "Cardiovascular/circulation",
        "emr",
        "",
        (
            "S1",
            "S2",
            "S3",
        ),
        "secondary (2 sources)",
        False,
        "S1",
        (
            "Hemorrhage control – direct pressure, tourniquet, wound packing … In "
            "scope for all levels."
        ),
    ),
    (
        "hemorrhage_control_tourniquet",
        "Hemorrhage control: tourniquet",
        "Cardiovascular/circulation",
        "emr",
        ("The 2017 change notice to the 2007 model dealt with tourniquets (P3 topic)"),
        (
            "S1",
            "S3",
        ),
        "secondary (2 sources)",
        False,
        "S1",
        (
            "Hemorrhage control – direct pressure, tourniquet, wound packing … In "
            "scope for all levels."
        ),
    ),
    (
        "hemorrhage_control_wound_packing",
        "Hemorrhage control: wound packing (incl. hemostatic agent)",
        "Cardiovascular/circulation",
        "emr",
        "",
        (
            "S1",
            "S3",
        ),
        "secondary (2 sources)",
        False,
        "S1",
        (
            "Hemorrhage control – direct pressure, tourniquet, wound packing … In "
            "scope for all levels."
        ),
    ),
    (
        "mechanical_cpr_device",
        "Mechanical CPR device",
        "Cardiovascular/circulation",
        "emt",
        "",
        ("S1",),
        "secondary",
        False,
        "S1",
        "Mechanical CPR device … In scope for EMT, AEMT, and Paramedic.",
    ),
    (
        "cardiac_monitoring_12_lead_acquisition",
        "Cardiac monitoring / 12-lead ECG acquisition and transmission",
        "Cardiovascular/circulation",
        "emt",
        "Acquisition only, no interpretation",
        ("S1",),
        "secondary",
        False,
        "S1",
        (
            "Cardiac monitoring and/or 12-lead ECG acquisition and transmission … "
            "In scope for EMT, AEMT, and Paramedic."
        ),
    ),
    (
        "telemetric_monitoring",
        "Telemetric monitoring and transmission of clinical data (incl. video)",
        "Cardiovascular/circulation",
        "emt",
        "",
        ("S1",),
        "secondary",
        False,
        "S1",
        (
            "Telemetric monitoring devices and transmission of clinical data, "
            "including video data … In scope for EMT, AEMT, and Paramedic."
        ),
    ),
    (
        "ecg_interpretation",
        "ECG interpretation",
        "Cardiovascular/circulation",
        "paramedic",
        "Montana allows it for AEMTs with AEMT-99",
        ("S1",),
        "secondary",
        False,
        "S1",
        (
            "Electrocardiogram interpretation … Requires AEMT-99 Endorsement for "
            "AEMT. In scope for Paramedic."
        ),
    ),
    (
        "manual_defibrillation",
        "Manual defibrillation",
        "Cardiovascular/circulation",
        "paramedic",
        "Montana allows it for AEMTs with AEMT-99",
        ("S1",),
        "secondary",
        False,
        "S1",
        (
            "Defibrillation – manual … Requires AEMT-99 Endorsement for AEMT. In "
            "scope for Paramedic."
        ),
    ),
    (
        "electrical_cardioversion",
        "Electrical cardioversion",
        "Cardiovascular/circulation",
        "paramedic",
        "Montana allows it for AEMTs with AEMT-99",
        ("S1",),
        "secondary",
        False,
        "S1",
        (
            "Cardioversion – electrical … Requires AEMT-99 Endorsement for AEMT. In"
            " scope for Paramedic."
        ),
    ),
    (
        "transcutaneous_pacing",
        "Transcutaneous pacing",
        "Cardiovascular/circulation",
        "paramedic",
        "Montana allows it for AEMTs with AEMT-99",
        ("S1",),
        "secondary",
        False,
        "S1",
        ("Transcutaneous pacing … Requires AEMT-99 Endorsement for AEMT. In scope for Paramedic."),
    ),
    (
        "cervical_collar",
        "Cervical collar",
        "Splinting/SMR/restraint",
        "emr",
        "",
        ("S1",),
        "secondary",
        False,
        "S1",
        "Cervical collar … In scope for all levels.",
    ),
    (
        "manual_cervical_stabilization",
        "Manual cervical (spinal) stabilization",
        "Splinting/SMR/restraint",
        "emr",
        "",
        ("S1",),
        "secondary",
        False,
        "S1",
        "Manual cervical stabilization … In scope for all levels.",
    ),
    (
        "manual_extremity_stabilization",
        "Extremity stabilization, manual",
        "Splinting/SMR/restraint",
        "emr",
        "",
        ("S1",),
        "secondary",
        False,
        "S1",
        "Extremity stabilization – manual … In scope for all levels.",
    ),
    (
        "extremity_splinting",
        "Extremity splinting",
        "Splinting/SMR/restraint",
        "emr",
        "",
        (
            "S1",
            "S2",
        ),
        "secondary (2 sources)",
        False,
        "S1",
        "Extremity splinting … In scope for all levels.",
    ),
    (
        "emergency_moves",
        "Emergency moves for endangered patients",
        "Splinting/SMR/restraint",
        "emr",
        "",
        ("S1",),
        "secondary",
        False,
        "S1",
        "Emergency moves for endangered patients … In scope for all levels.",
    ),
    (
        "seated_spinal_motion_restriction",
        "Seated spinal motion restriction (e.g. KED)",
        "Splinting/SMR/restraint",
        "emt",
        "",
        ("S1",),
        "secondary",
        False,
        "S1",
        (
            "Seated Spinal Motion Restriction (SMR), (e.g., Kendrick Extrication "
            "Device (KED)) … In scope for EMT, AEMT, and Paramedic."
        ),
    ),
    (
        "long_spine_board",
        "Long spine board",
        "Splinting/SMR/restraint",
        "emt",
        "Verify the national wording. It may be phrased as supine SMR.",
        ("S1",),
        "secondary",
        True,
        "S1",
        "Long spine board … In scope for EMT, AEMT, and Paramedic.",
    ),
    (
        "traction_splint",
        "Traction splint",
        "Splinting/SMR/restraint",
        "emt",
        "",
        ("S1",),
        "secondary",
        False,
        "S1",
        "Splint – traction … In scope for EMT, AEMT, and Paramedic.",
    ),
    (
        "pelvic_splinting",
        "Pelvic splinting (binder)",
        "Splinting/SMR/restraint",
        "emt",
        "",
        ("S1",),
        "secondary",
        False,
        "S1",
        "Pelvic splinting … In scope for EMT, AEMT, and Paramedic.",
    ),
    (
        "mechanical_patient_restraint",
        "Mechanical patient restraint",
        "Splinting/SMR/restraint",
        "emt",
        "",
        ("S1",),
        "secondary",
        False,
        "S1",
        "Mechanical patient restraint … In scope for EMT, AEMT, and Paramedic.",
    ),
    (
        "naloxone_intranasal",
        "Naloxone, intranasal",
        "Medications",
        "emr",
        "NEMSAC/NHTSA urgent update of 2016–17 (P3 topic)",
        (
            "S1",
            "S2",
        ),
        "secondary (2 sources)",
        False,
        "S1",
        (
            "Opioid Antagonist – Naloxone (IN) … All levels intranasal for "
            "suspected opioid overdose."
        ),
    ),
    (
        "naloxone_auto_injector",
        "Naloxone, auto-injector (IM)",
        "Medications",
        "emr",
        "",
        ("S1",),
        "secondary",
        False,
        "S1",
        (
            "Opioid Antagonist Auto-Injector (Naloxone) … All levels IM "
            "auto-injector for suspected opioid overdose."
        ),
    ),
    (
        "naloxone_other_routes",
        "Naloxone, other routes (IM by syringe, IV, IO)",
        "Medications",
        "aemt",
        "Montana allows it for EMTs with an endorsement",
        ("S1",),
        "secondary",
        False,
        "S1",
        (
            "Opioid Antagonist – Naloxone (Other Routes) … Requires EMT Medication "
            "Endorsement for EMT."
        ),
    ),
    (
        "antidote_auto_injector_self_or_peer",
        ("Antidote auto-injector for self or peer (nerve agent: atropine/pralidoxime)"),
        "Medications",
        "emr",
        "",
        ("S1",),
        "secondary",
        False,
        "S1",
        (
            "Antidote Auto-Injector (Chemical/Hazmat) … e.g., atropine and "
            "pralidoxime autoinjector. All levels."
        ),
    ),
    (
        "epinephrine_auto_injector_patient_own",
        "Epinephrine auto-injector, patient's own (prescribed)",
        "Medications",
        "emr",
        ('Verify. S2 says EMRs "assist with" it. National EMR status not confirmed.'),
        (
            "S1",
            "S2",
        ),
        "secondary",
        True,
        "S1",
        (
            "Sympathomimetic Auto-Injector (patient prescribed) … All levels IM for"
            " patient-prescribed auto-injector."
        ),
    ),
    (
        "epinephrine_auto_injector_ems_supplied",
        "Epinephrine auto-injector, EMS-supplied",
        "Medications",
        "emt",
        "",
        ("S1",),
        "secondary",
        False,
        "S1",
        (
            "Sympathomimetic Auto-Injector (EMS supplied) … EMT/AEMT/Paramedic IM "
            "for EMS-supplied auto-injector."
        ),
    ),
    (
        "epinephrine_1_mg_ml_drawn_up_im",
        "Epinephrine 1 mg/mL, drawn up, IM",
        "Medications",
        "aemt",
        "Montana allows it for EMTs with an endorsement. Verify.",
        ("S1",),
        "secondary",
        True,
        "S1",
        (
            "Sympathomimetic – Epinephrine … Requires EMT Medication Endorsement "
            "for EMT (1:1,000 = 1 mg/ml formulation specifically). AEMT: IM."
        ),
    ),
    (
        "aspirin_po",
        "Aspirin PO (suspected ischemic chest pain)",
        "Medications",
        "emt",
        "",
        ("S1",),
        "secondary",
        False,
        "S1",
        (
            "NSAID – Aspirin (chest pain, ischemic) … All levels PO for suspected "
            "ischemic chest pain."
        ),
    ),
    (
        "oral_glucose",
        "Oral glucose (suspected hypoglycemia)",
        "Medications",
        "emt",
        "",
        ("S1",),
        "secondary",
        False,
        "S1",
        ("Glucose for Suspected Hypoglycemia (oral) … All levels PO for suspected hypoglycemia."),
    ),
    (
        "inhaled_beta_agonist",
        "Inhaled/nebulized beta agonist (e.g. albuterol)",
        "Medications",
        "emt",
        "",
        ("S1",),
        "secondary",
        False,
        "S1",
        (
            "Beta Agonist (patient prescribed or EMS supplied) … e.g., albuterol. "
            "All levels INH/NEB."
        ),
    ),
    (
        "inhaled_anticholinergic",
        "Inhaled anticholinergic (ipratropium) or combination",
        "Medications",
        "emt",
        "Verify.",
        ("S1",),
        "secondary",
        True,
        "S1",
        "Anticholinergic – Ipratropium (dyspnea/wheezing) … All levels INH/NEB.",
    ),
    (
        "nitroglycerin_patient_own",
        "Nitroglycerin SL, patient's own",
        "Medications",
        "emt",
        "",
        ("S1",),
        "secondary",
        False,
        "S1",
        (
            "Vasodilator – Nitroglycerin (patient prescribed) … All levels SL only,"
            " limited to patient's own medication."
        ),
    ),
    (
        "otc_oral_analgesic",
        "OTC oral analgesic (pain/fever)",
        "Medications",
        "emt",
        "",
        ("S1",),
        "secondary",
        False,
        "S1",
        "Analgesic, OTC (pain or fever) … All levels PO only.",
    ),
    (
        "nitroglycerin_ems_supplied",
        "Nitroglycerin, EMS-supplied",
        "Medications",
        "aemt",
        "Montana allows it for EMTs with an endorsement",
        ("S1",),
        "secondary",
        False,
        "S1",
        (
            "Vasodilator – Nitroglycerin (EMS supplied) … Requires EMT Medication "
            "Endorsement for EMT."
        ),
    ),
    (
        "glucagon",
        "Glucagon",
        "Medications",
        "aemt",
        "Montana allows it for EMTs with an endorsement",
        ("S1",),
        "secondary",
        False,
        "S1",
        ("Antidote for Hypoglycemia (Glucagon) … Requires EMT Medication Endorsement for EMT."),
    ),
    (
        "nitrous_oxide",
        "Nitrous oxide (inhaled analgesia)",
        "Medications",
        "aemt",
        "Montana allows it for EMTs with an endorsement",
        ("S1",),
        "secondary",
        False,
        "S1",
        (
            "Anesthetic, NMDA Antagonist (Inhaled) … e.g., nitrous oxide. Requires "
            "EMT Medication Endorsement for EMT."
        ),
    ),
    (
        "dextrose_10_iv_io",
        "Dextrose 10% IV/IO",
        "Medications",
        "aemt",
        "",
        ("S1",),
        "secondary",
        False,
        "S1",
        "Dextrose Injection 10% … AEMT and Paramedic IV/IO.",
    ),
    (
        "antiemetic",
        "Antiemetic (e.g. ondansetron)",
        "Medications",
        "aemt",
        "Verify.",
        ("S1",),
        "secondary",
        True,
        "S1",
        ("Antiemetic … e.g., ondansetron, prochlorperazine, metoclopramide. AEMT: PO/IM/IV/IO."),
    ),
    (
        "opioid_analgesics",
        "Opioid analgesics",
        "Medications",
        "paramedic",
        "Montana allows them for AEMTs with AEMT-99",
        ("S1",),
        "secondary",
        False,
        "S1",
        "Analgesic, Opioid … Requires AEMT-99 Endorsement for AEMT.",
    ),
    (
        "benzodiazepines",
        "Benzodiazepines",
        "Medications",
        "paramedic",
        "Montana allows them for AEMTs with AEMT-99",
        ("S1",),
        "secondary",
        False,
        "S1",
        ("Benzodiazepine (anxiolysis/anticonvulsant) … Requires AEMT-99 Endorsement for AEMT."),
    ),
    (
        "tranexamic_acid_blood_products",
        "Tranexamic acid; blood products",
        "Medications",
        "paramedic",
        "",
        ("S1",),
        "secondary",
        False,
        "S1",
        (
            "Antifibrinolytic … e.g., tranexamic acid (TXA). Paramedic only. … "
            "Blood or Blood Products … Paramedic only."
        ),
    ),
    (
        "peripheral_iv_access",
        "Peripheral IV access",
        "IV/IO",
        "aemt",
        "Montana allows it for EMTs with an IV/IO endorsement",
        ("S1",),
        "secondary",
        False,
        "S1",
        (
            "Intravenous access … Requires EMT IV/IO Initiation Endorsement for "
            "EMT. In scope for AEMT and Paramedic."
        ),
    ),
    (
        "intraosseous_access",
        "Intraosseous access (adult/pediatric)",
        "IV/IO",
        "aemt",
        "Montana allows it for EMTs with an IV/IO endorsement",
        ("S1",),
        "secondary",
        False,
        "S1",
        (
            "Intraosseous access – initiation, pediatric or adult … Requires EMT "
            "IV/IO Initiation Endorsement for EMT. In scope for AEMT and Paramedic."
        ),
    ),
    (
        "non_medicated_iv_maintenance",
        "Maintenance of non-medicated IV fluids",
        "IV/IO",
        "aemt",
        "Montana allows it for EMTs with an endorsement. Verify.",
        ("S1",),
        "secondary",
        True,
        "S1",
        (
            "Intravenous – maintenance of non-medicated IV fluids … In scope for "
            "AEMT and Paramedic."
        ),
    ),
    (
        "venous_blood_sampling",
        "Venous blood sampling",
        "IV/IO / misc",
        "aemt",
        "Montana allows it for EMTs with an endorsement",
        ("S1",),
        "secondary",
        False,
        "S1",
        (
            "Venous blood sampling … Requires EMT IV/IO Initiation Endorsement for "
            "EMT. In scope for AEMT and Paramedic."
        ),
    ),
    (
        "medicated_iv_maintenance",
        "Maintenance of medicated IV fluids",
        "IV/IO",
        "paramedic",
        "Montana allows it for AEMTs with AEMT-99",
        ("S1",),
        "secondary",
        False,
        "S1",
        (
            "Intravenous – maintenance of medicated IV fluids … Requires AEMT-99 "
            "Endorsement for AEMT. In scope for Paramedic."
        ),
    ),
    (
        "central_line_indwelling_catheter_access",
        "Central line monitoring; accessing indwelling catheters/implanted ports",
        "IV/IO",
        "paramedic",
        "",
        ("S1",),
        "secondary",
        False,
        "S1",
        (
            "Access indwelling catheters and implanted central IV ports (limited to"
            " previously used ports) … Central line – monitoring … In scope for "
            "Paramedic level only."
        ),
    ),
    (
        "assisted_normal_delivery",
        "Assisted normal delivery (childbirth)",
        "Miscellaneous",
        "emr",
        "",
        ("S1",),
        "secondary",
        False,
        "S1",
        "Assisted delivery (childbirth) … In scope for all levels.",
    ),
    (
        "blood_pressure",
        "Blood pressure, manual or automated",
        "Miscellaneous",
        "emr",
        (
            "S2 lists vital signs for EMR. Verify whether the national model splits"
            " manual (EMR) from automated (EMT)."
        ),
        (
            "S1",
            "S2",
        ),
        "secondary",
        True,
        "S1",
        "Blood pressure automated or manual … In scope for all levels.",
    ),
    (
        "eye_irrigation_manual",
        "Eye irrigation (manual)",
        "Miscellaneous",
        "emr",
        "",
        ("S1",),
        "secondary",
        False,
        "S1",
        "Eye irrigation … In scope for all levels.",
    ),
    (
        "blood_glucose_monitoring",
        "Blood glucose monitoring",
        "Miscellaneous",
        "emt",
        "Montana allows it for EMRs only with a state endorsement",
        ("S1",),
        "secondary",
        False,
        "S1",
        (
            "Blood glucose monitoring … Requires EMR Monitoring Endorsement for "
            "EMR. In scope for EMT, AEMT, and Paramedic."
        ),
    ),
    (
        "assisted_complicated_delivery",
        "Assisted complicated delivery",
        "Miscellaneous",
        "emt",
        "",
        ("S1",),
        "secondary",
        False,
        "S1",
        ("Assisted complicated delivery (childbirth) … In scope for EMT, AEMT, and Paramedic."),
    ),
    (
        "patient_transport",
        "Patient transport (as the attending clinician)",
        "Miscellaneous",
        "emt",
        (
            "Montana-specific note: an EMR may be part of a legal crew if one "
            "member is EMT or above"
        ),
        ("S1",),
        "secondary",
        False,
        "S1",
        (
            "Patient transport … DPHHS allows EMR as part of a legal crew as long "
            "as at least one crew member is EMT or above."
        ),
    ),
    (
        "eye_irrigation_hands_free",
        "Eye irrigation, hands-free device (e.g. Morgan lens)",
        "Miscellaneous",
        "paramedic",
        "",
        ("S1",),
        "secondary",
        False,
        "S1",
        (
            "Eye irrigation – hands free irrigation using sterile eye irrigation "
            "device … In scope for Paramedic level only."
        ),
    ),
    (
        "blood_chemistry_analysis",
        "Blood chemistry analysis",
        "Miscellaneous",
        "paramedic",
        "",
        ("S1",),
        "secondary",
        False,
        "S1",
        "Blood chemistry analysis … In scope for Paramedic level only.",
    ),
)
