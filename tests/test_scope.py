"""Scope of practice: the national 2019 profile, derived profiles and scope decisions.

Scenario tests quote ``scope-of-practice.md`` (the data source) and the seed; property
tests quote the rule they check in their docstrings.
"""

from __future__ import annotations

import csv
import io
import pickle
from collections import Counter

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from emrpath._scope_table import SKILLS_FILE, package_text
from emrpath.errors import EmrpathError, InputTypeError, InvalidRecordError, UnknownNameError
from emrpath.params import Citation, Confidence
from emrpath.scope import (
    NATIONAL_2019,
    SCOPE_SOURCES,
    CanCannotList,
    ChangeKind,
    Level,
    ScopeChange,
    ScopeDecision,
    ScopeOutcome,
    ScopeProfile,
    SkillRow,
    UnverifiedPolicy,
    above_scope_skills,
    can_cannot_list,
    is_within_scope,
)
from tests.errors import raises_emrpath

RULE = "scope of practice"
WITHIN, ABOVE, NOT_CONFIRMED = (
    ScopeOutcome.WITHIN_SCOPE,
    ScopeOutcome.ABOVE_SCOPE,
    ScopeOutcome.NOT_CONFIRMED,
)
STATE_RULE = Citation(
    url="https://example.org/state-ems-rule",
    quote="example quote",
    title="Example state EMS rule (test data)",
)


def montana_like() -> ScopeProfile:
    """National 2019 plus Montana's EMR Monitoring Endorsement, cited from S1."""
    s1_pulse_ox = NATIONAL_2019.row("pulse_oximetry").citation
    return NATIONAL_2019.derive(
        "montana-like",
        description="National 2019 with Montana's EMR Monitoring Endorsement (test profile).",
        widen={"pulse_oximetry": Level.EMR, "blood_glucose_monitoring": "emr"},
        citation=s1_pulse_ox,
        confidence=Confidence.SECONDARY,
        note="with the EMR Monitoring Endorsement",
    )


# ---------------------------------------------------------------------------------------
# strategies (scope-specific, so they live here rather than in tests/strategies.py)

levels = st.sampled_from(list(Level))
rows = st.sampled_from(NATIONAL_2019.rows)
policies = st.sampled_from(list(UnverifiedPolicy))
unknown_skills = st.text(max_size=40).filter(lambda text: text not in NATIONAL_2019)


@st.composite
def level_changes(draw: st.DrawFn, base: ScopeProfile, *, lower: bool) -> dict[str, Level]:
    """Skill -> a strictly lower (``lower``) or strictly higher level than in ``base``."""
    candidates = [
        row
        for row in base.rows
        if (row.min_level > Level.EMR if lower else row.min_level < Level.PARAMEDIC)
    ]
    chosen = draw(st.lists(st.sampled_from(candidates), min_size=1, max_size=8, unique=True))
    out: dict[str, Level] = {}
    for row in chosen:
        options = [lv for lv in Level if (lv < row.min_level if lower else lv > row.min_level)]
        out[row.key] = draw(st.sampled_from(options))
    return out


@st.composite
def derived_profiles(draw: st.DrawFn) -> ScopeProfile:
    """National 2019 after one to three random widenings, narrowings and removals."""
    profile = NATIONAL_2019
    for step in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["widen", "narrow", "remove"]))
        name = f"derived-{step}"
        common = {"description": "random test profile", "citation": STATE_RULE}
        confidence = draw(st.sampled_from(list(Confidence)))
        if kind == "remove":
            keys = draw(
                st.lists(st.sampled_from(profile.keys), min_size=1, max_size=5, unique=True)
            )
            profile = profile.derive(name, remove=keys, confidence=confidence, **common)
        else:
            changes = draw(level_changes(profile, lower=kind == "widen"))
            profile = profile.derive(name, confidence=confidence, **{kind: changes}, **common)
    return profile


profiles = st.one_of(st.just(NATIONAL_2019), derived_profiles())


def random_case(draw: st.DrawFn, text: str) -> str:
    flips = draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    return "".join(
        ch.upper() if flip else ch.lower() for ch, flip in zip(text, flips, strict=True)
    )


# ---------------------------------------------------------------------------------------
# the data: counts, provenance, faithful transcription


def test_row_counts_match_the_source() -> None:
    """'Row count: 83 rows. 3 are verified from a primary source (P1), 11 are `secondary
    (2 sources)`, and 69 are `secondary` (S1 only). No row rests only on inference.'"""
    assert len(NATIONAL_2019) == 83
    raw_rows = list(csv.DictReader(io.StringIO(package_text(SKILLS_FILE))))
    assert len(raw_rows) == 83
    assert Counter(row.confidence for row in NATIONAL_2019) == {
        Confidence.PRIMARY: 3,
        Confidence.SECONDARY: 80,
    }
    labels = Counter(raw["confidence"] for raw in raw_rows)
    assert labels == {"primary": 3, "secondary (2 sources)": 11, "secondary": 69}
    two_sources = [row for row in NATIONAL_2019 if "Secondary (2 sources)" in row.note]
    assert len(two_sources) == 11
    assert all(len(row.sources) >= 2 for row in two_sources)


def test_rows_flagged_verify() -> None:
    """The table's **Verify** rows: NPA, supraglottic airway, EtCO2, tracheobronchial
    suctioning, long board, patient's own epinephrine, drawn-up epinephrine,
    ipratropium, antiemetic, non-medicated IV fluids, blood pressure."""
    flagged = {row.key for row in NATIONAL_2019 if row.verify}
    assert flagged == {
        "nasopharyngeal_airway",
        "supraglottic_airway",
        "etco2_monitoring_numeric",
        "tracheobronchial_suctioning_intubated",
        "long_spine_board",
        "epinephrine_auto_injector_patient_own",
        "epinephrine_1_mg_ml_drawn_up_im",
        "inhaled_anticholinergic",
        "antiemetic",
        "non_medicated_iv_maintenance",
        "blood_pressure",
    }
    assert all("Verify" in row.note for row in NATIONAL_2019 if row.verify)
    assert not any("Verify" in row.note for row in NATIONAL_2019 if not row.verify)


def test_min_level_counts() -> None:
    counts = Counter(row.min_level for row in NATIONAL_2019)
    assert counts == {Level.EMR: 25, Level.EMT: 25, Level.AEMT: 13, Level.PARAMEDIC: 20}


def test_primary_rows_are_the_2021_change_notice_additions() -> None:
    """'Only 3 table rows are verified from a primary (NHTSA) source. These are the 2021
    change-notice additions.'"""
    primary = {row.key for row in NATIONAL_2019 if row.confidence is Confidence.PRIMARY}
    assert primary == {
        "intramuscular_injection_route",
        "immunization_public_health_emergency",
        "nasal_swab_specimen_collection",
    }
    for key in primary:
        row = NATIONAL_2019.row(key)
        assert row.min_level is Level.EMT
        assert row.citation.url == "https://www.nhtsa.gov/node/103856"
        assert row.citation.quote.startswith("paraphrase:")
        assert "P1" in row.sources


def test_every_row_has_citation_confidence_and_sources() -> None:
    """Principle 1: 'Rules are data with provenance' (a citation and a confidence level)."""
    keys = set()
    for row in NATIONAL_2019:
        assert isinstance(row.citation, Citation)
        assert row.citation.url
        assert row.citation.quote
        assert row.citation.title
        assert isinstance(row.confidence, Confidence)
        assert row.sources
        assert set(row.sources) <= set(SCOPE_SOURCES)
        keys.add(row.key)
    assert len(keys) == 83


def test_secondary_rows_cite_s1_the_montana_table_honestly() -> None:
    """'All other rows come from a secondary structured source (S1): a public app data file
    that encodes the Montana EMS scope/endorsement table.'"""
    s1 = SCOPE_SOURCES["S1"]
    assert "Montana" in s1.title
    assert "not the national model" in s1.title
    for row in NATIONAL_2019:
        if row.confidence is Confidence.SECONDARY:
            assert row.citation.url == s1.url
            assert row.citation.title == s1.title
            assert "S1" in row.sources


def test_source_quotes_are_labelled_paraphrases_unless_verbatim() -> None:
    """Quotes are only what the sources give; a summary is labelled 'paraphrase:'."""
    assert SCOPE_SOURCES["P1"].quote.startswith("paraphrase:")
    assert SCOPE_SOURCES["P2"].quote.startswith("paraphrase:")
    assert SCOPE_SOURCES["S2"].quote.startswith("paraphrase:")
    # S1's heading and S3's phrase are verbatim.
    assert SCOPE_SOURCES["S1"].quote == "Scope of Practice & Endorsements by Level"
    assert SCOPE_SOURCES["S3"].quote == "may include wound packing or hemostatic agent"
    assert SCOPE_SOURCES["P1"].url == "https://www.nhtsa.gov/node/103856"
    assert SCOPE_SOURCES["P2"].url == "https://ambulance.org/2021/04/06/scope-change-notice/"


@pytest.mark.parametrize(
    ("key", "name", "category", "level", "note", "sources"),
    [
        (
            "intramuscular_injection_route",
            "Intramuscular (IM) injection route",
            "Medication administration routes",
            Level.EMT,
            "Added by CN 1.0/2.0 (2021). Not added for EMR.",
            ("P1",),
        ),
        (
            "oropharyngeal_airway",
            'Oropharyngeal airway (OPA; "Airway – oral")',
            "Airway/ventilation/oxygenation",
            Level.EMR,
            "Secondary (2 sources): S1 and S2 agree.",
            ("S1", "S2"),
        ),
        (
            "venous_blood_sampling",
            "Venous blood sampling",
            "IV/IO / misc",
            Level.AEMT,
            "Montana allows it for EMTs with an endorsement",
            ("S1",),
        ),
        (
            "hemorrhage_control_direct_pressure",
            "Hemorrhage control: direct pressure",
            "Cardiovascular/circulation",
            Level.EMR,
            "Secondary (2 sources): S1, S2 and S3 agree.",
            ("S1", "S2", "S3"),
        ),
        (
            "patient_transport",
            "Patient transport (as the attending clinician)",
            "Miscellaneous",
            Level.EMT,
            "Montana-specific note: an EMR may be part of a legal crew if one member is EMT "
            "or above",
            ("S1",),
        ),
        (
            "blood_chemistry_analysis",
            "Blood chemistry analysis",
            "Miscellaneous",
            Level.PARAMEDIC,
            "",
            ("S1",),
        ),
    ],
)
def test_rows_transcribed_faithfully(
    key: str, name: str, category: str, level: Level, note: str, sources: tuple[str, ...]
) -> None:
    row = NATIONAL_2019.row(key)
    assert (row.name, row.category, row.min_level, row.note, row.sources) == (
        name,
        category,
        level,
        note,
        sources,
    )


def test_first_and_last_rows_keep_table_order() -> None:
    assert NATIONAL_2019.keys[0] == "intramuscular_injection_route"
    assert NATIONAL_2019.keys[-1] == "blood_chemistry_analysis"


# ---------------------------------------------------------------------------------------
# scenarios quoting the source


@pytest.mark.parametrize(
    "key",
    [
        "intramuscular_injection_route",
        "immunization_public_health_emergency",
        "nasal_swab_specimen_collection",
    ],
)
def test_change_notice_additions_are_above_emr(key: str) -> None:
    """'CN 1.0 and 2.0 ... add the IM injection route, vaccination during a public health
    emergency, and nasal-swab specimen collection for EMT, AEMT and Paramedic. None of
    these was added for EMR (P1).' `primary`"""
    decision = is_within_scope(key, Level.EMR)
    assert decision.outcome is ABOVE
    assert decision.lowest_level is Level.EMT
    assert decision.confidence is Confidence.PRIMARY
    assert decision.citation is not None
    assert decision.citation.url == "https://www.nhtsa.gov/node/103856"
    for level in (Level.EMT, Level.AEMT, Level.PARAMEDIC):
        above = is_within_scope(key, level)
        assert above.outcome is WITHIN
        assert above.lowest_level is None
        assert above.confidence is Confidence.PRIMARY


def test_bvm_is_within_emr_scope_on_secondary_sources() -> None:
    """'Bag-valve-mask (BVM) ventilation | ... | EMR | | S1, S2 | secondary (2 sources)'."""
    decision = is_within_scope("bag_valve_mask_ventilation", "emr")
    assert decision.outcome is WITHIN
    assert decision.within_scope
    assert decision.confidence is Confidence.SECONDARY
    assert decision.row is not None
    assert decision.row.sources == ("S1", "S2")
    assert "secondary source" in decision.explanation
    assert str(decision) == (
        "within scope: Bag-valve-mask (BVM) ventilation at EMR "
        "(minimum level EMR; profile national-2019; secondary source)"
    )


def test_pulse_oximetry_is_above_emr_nationally_but_a_montana_like_profile_widens_it() -> None:
    """'Pulse oximetry | ... | EMT | Montana allows it for EMRs only with a state
    endorsement'; Montana 'lets EMRs do pulse oximetry and glucose checks with an "EMR
    Monitoring Endorsement"' (S1)."""
    national = is_within_scope("pulse_oximetry", Level.EMR)
    assert national.outcome is ABOVE
    assert national.lowest_level is Level.EMT
    assert national.confidence is Confidence.SECONDARY

    montana = montana_like()
    widened = is_within_scope("pulse_oximetry", Level.EMR, montana)
    assert widened.outcome is WITHIN
    assert widened.profile == "montana-like"
    assert widened.confidence is Confidence.SECONDARY
    assert widened.citation is not None
    assert "EMR Monitoring Endorsement" in widened.citation.quote
    assert "Montana" in widened.citation.title
    assert any("widens pulse_oximetry from EMT to EMR" in reason for reason in widened.reasons)

    (change,) = montana.changes_for("pulse_oximetry")
    assert (change.kind, change.old_level, change.new_level) == (
        ChangeKind.WIDEN,
        Level.EMT,
        Level.EMR,
    )
    assert change.citation == widened.citation
    assert change.profile == "montana-like"
    # glucose checks come with the same endorsement
    assert is_within_scope("blood_glucose_monitoring", "emr", montana).outcome is WITHIN
    # the national profile is untouched
    assert is_within_scope("pulse_oximetry", Level.EMR).outcome is ABOVE
    assert montana.derived_from == "national-2019"
    assert NATIONAL_2019.changes == ()


def test_seed_scope_errors_are_above_emr() -> None:
    """Seed: candidates fail on 'scope errors (you picked an action above EMR level)';
    source: 'Each is at EMT or higher, so choosing it as an EMR is a scope error under the
    national-2019 default profile (subject to the "verify" flags)'."""
    above = {row.key for row in above_scope_skills(Level.EMR)}
    assert {
        "cpap",
        "oxygen_humidifier_partial_rebreather_simple_venturi",
        "pulse_oximetry",
        "blood_glucose_monitoring",
        "aspirin_po",
        "oral_glucose",
        "inhaled_beta_agonist",
        "nitroglycerin_patient_own",
        "nitroglycerin_ems_supplied",
        "epinephrine_auto_injector_ems_supplied",
        "intramuscular_injection_route",
        "immunization_public_health_emergency",
        "nasal_swab_specimen_collection",
        "traction_splint",
        "pelvic_splinting",
        "seated_spinal_motion_restriction",
        "mechanical_patient_restraint",
        "mechanical_cpr_device",
        "cardiac_monitoring_12_lead_acquisition",
        "peripheral_iv_access",
        "intraosseous_access",
    } <= above
    # "anything at Paramedic level" (except rows flagged for verification)
    paramedic = {
        row.key for row in NATIONAL_2019 if row.min_level is Level.PARAMEDIC and not row.verify
    }
    assert paramedic <= above
    assert "tracheobronchial_suctioning_intubated" not in above  # flagged: 'may place it lower'


def test_verify_rows_in_the_seed_list_are_not_confirmed_unless_taken_as_recorded() -> None:
    """'NPA (verify) ... long board ... EMS-supplied epinephrine or drawn-up epinephrine ...
    supraglottic airway' are on the scope-error list 'subject to the "verify" flags'."""
    for key in (
        "nasopharyngeal_airway",
        "long_spine_board",
        "epinephrine_1_mg_ml_drawn_up_im",
        "supraglottic_airway",
    ):
        default = is_within_scope(key, "emr")
        assert default.outcome is NOT_CONFIRMED
        assert default.confidence is Confidence.SECONDARY
        assert "flagged for verification" in default.explanation
        recorded = is_within_scope(key, "emr", unverified="as_recorded")
        assert recorded.outcome is ABOVE
        assert recorded.confidence is Confidence.SECONDARY
        assert any("flagged for verification" in reason for reason in recorded.reasons)


def test_patient_own_epinephrine_at_emr_is_not_confirmed() -> None:
    """'Epinephrine auto-injector, patient's own (prescribed) | ... | EMR | Verify. S2 says
    EMRs "assist with" it. National EMR status not confirmed.'"""
    decision = is_within_scope("epinephrine_auto_injector_patient_own", Level.EMR)
    assert decision.outcome is NOT_CONFIRMED
    assert not decision.within_scope
    assert decision.lowest_level is None
    recorded = is_within_scope(
        "epinephrine_auto_injector_patient_own", Level.EMR, unverified=UnverifiedPolicy.AS_RECORDED
    )
    assert recorded.outcome is WITHIN


@pytest.mark.parametrize(
    "skill",
    [
        "monoclonal antibody infusion",  # P2: considered; 'Treat it as unverified.'
        "rapid sequence intubation",
        "bvm",
        "",
        " jaw thrust",
    ],
)
def test_unknown_interventions_are_not_confirmed(skill: str) -> None:
    """'Treat an unknown intervention as "unverified", not as "in scope".'"""
    for level in Level:
        decision = is_within_scope(skill, level)
        assert decision.outcome is NOT_CONFIRMED
        assert decision.row is None
        assert decision.citation is None
        assert decision.confidence is None
        assert decision.skill == skill
        assert "never assumed allowed" in decision.explanation


def test_emr_skills_carried_forward() -> None:
    """'The 2019 model carries EMR naloxone and tourniquet forward (S1, S2).'"""
    for key in ("naloxone_intranasal", "hemorrhage_control_tourniquet", "naloxone_auto_injector"):
        assert is_within_scope(key, "emr").outcome is WITHIN
    assert is_within_scope("naloxone_other_routes", "emr").lowest_level is Level.AEMT


def test_lookup_by_exact_table_name_in_any_case() -> None:
    by_name = is_within_scope("PULSE OXIMETRY", "emr")
    by_key = is_within_scope("pulse_oximetry", "emr")
    assert by_name == by_key
    assert by_name.skill == "pulse_oximetry"
    assert NATIONAL_2019.row("Head tilt–chin lift").key == "head_tilt_chin_lift"
    assert NATIONAL_2019.get("head tilt-chin lift") is None  # hyphen is not the en dash


def test_can_cannot_list_for_emr() -> None:
    """Seed: 'scope errors need the can/cannot list memorized'."""
    lists = can_cannot_list(Level.EMR)
    assert isinstance(lists, CanCannotList)
    within, above, not_confirmed = lists
    assert (len(within), len(above), len(not_confirmed)) == (23, 49, 11)
    assert {row.key for row in not_confirmed} == {row.key for row in NATIONAL_2019 if row.verify}
    assert all(row.min_level is Level.EMR for row in within)
    recorded = can_cannot_list("emr", unverified="as_recorded")
    assert recorded.not_confirmed == ()
    assert (len(recorded.within), len(recorded.above)) == (25, 58)


def test_removed_skill_is_not_confirmed_with_the_removal_cited() -> None:
    state = NATIONAL_2019.derive(
        "no-traction",
        description="test",
        remove=["traction_splint"],
        citation=STATE_RULE,
        confidence=Confidence.PRIMARY,
    )
    assert "traction_splint" not in state
    decision = is_within_scope("traction_splint", Level.PARAMEDIC, state)
    assert decision.outcome is NOT_CONFIRMED
    assert decision.citation == STATE_RULE
    assert decision.confidence is Confidence.PRIMARY
    assert "removes traction_splint" in decision.explanation
    assert len(state) == 82
    assert len(NATIONAL_2019) == 83


def test_added_skill_and_chained_derivations_keep_every_change() -> None:
    new_row = SkillRow(
        key="monoclonal_antibody_infusion",
        name="Monoclonal antibody infusion",
        category="Medications",
        min_level="aemt",
        note="test row",
        sources=("STATE",),
        citation=STATE_RULE,
        confidence=Confidence.PRIMARY,
    )
    first = NATIONAL_2019.derive(
        "step-1",
        description="add",
        add=[new_row],
        citation=STATE_RULE,
        confidence=Confidence.PRIMARY,
    )
    second = first.derive(
        "step-2",
        description="narrow",
        narrow={"Monoclonal antibody infusion": Level.PARAMEDIC},
        citation=STATE_RULE,
        confidence=Confidence.SECONDARY,
    )
    assert [c.kind for c in second.changes] == [ChangeKind.ADD, ChangeKind.NARROW]
    assert [c.profile for c in second.changes] == ["step-1", "step-2"]
    assert second.derived_from == "step-1"
    assert is_within_scope("monoclonal_antibody_infusion", "aemt", first).outcome is WITHIN
    decision = is_within_scope("monoclonal_antibody_infusion", "aemt", second)
    assert decision.outcome is ABOVE
    assert decision.lowest_level is Level.PARAMEDIC
    assert decision.confidence is Confidence.SECONDARY
    assert str(second.changes[1]) == (
        "step-2 narrows monoclonal_antibody_infusion from AEMT to Paramedic"
    )


def test_decisions_and_profiles_pickle_and_hash() -> None:
    montana = montana_like()
    for obj in (NATIONAL_2019, montana, is_within_scope("cpap", "emr", montana)):
        assert pickle.loads(pickle.dumps(obj)) == obj
        hash(obj)
    assert pickle.loads(pickle.dumps(montana)).row("pulse_oximetry").min_level is Level.EMR


def test_values_are_immutable() -> None:
    row = NATIONAL_2019.row("cpap")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):  # attrs words it per release
        row.min_level = Level.EMR  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):  # attrs words it per release
        NATIONAL_2019.rows = ()  # type: ignore[misc]
    with pytest.raises(TypeError, match="'mappingproxy' object does not support item assignment"):
        SCOPE_SOURCES["S1"] = STATE_RULE  # type: ignore[index]


# ---------------------------------------------------------------------------------------
# properties


@given(base=profiles, data=st.data())
def test_widening_never_removes_a_skill_nor_raises_a_level(
    base: ScopeProfile, data: st.DataObject
) -> None:
    """'States may narrow or widen the national profile': widening a profile never
    removes a skill and never raises a skill's minimum level."""
    widen = data.draw(level_changes(base, lower=True))
    wide = base.derive(
        "wide", description="t", widen=widen, citation=STATE_RULE, confidence=Confidence.SECONDARY
    )
    assert wide.keys == base.keys
    for row in base:
        assert wide.row(row.key).min_level <= row.min_level
    for key, level in widen.items():
        assert wide.row(key).min_level is level
        assert wide.changes_for(key)[-1].old_level is base.row(key).min_level


@given(base=profiles, data=st.data())
def test_narrowing_never_lowers_a_level(base: ScopeProfile, data: st.DataObject) -> None:
    """'States may narrow ... the national profile': narrowing never lowers a skill's
    minimum level, and removes no skill."""
    narrow = data.draw(level_changes(base, lower=False))
    tight = base.derive(
        "tight", description="t", narrow=narrow, citation=STATE_RULE, confidence=Confidence.PRIMARY
    )
    assert tight.keys == base.keys
    for row in base:
        assert tight.row(row.key).min_level >= row.min_level


@given(profile=profiles, row_index=st.integers(0, 82), low=levels, high=levels, policy=policies)
def test_levels_are_cumulative(
    profile: ScopeProfile, row_index: int, low: Level, high: Level, policy: UnverifiedPolicy
) -> None:
    """'Levels: EMR < EMT < AEMT < Paramedic. "min level" is the lowest level at which the
    skill is in scope': within scope at a level means within scope at every higher one."""
    if low > high:
        low, high = high, low
    key = NATIONAL_2019.rows[row_index].key
    at_low = is_within_scope(key, low, profile, unverified=policy)
    at_high = is_within_scope(key, high, profile, unverified=policy)
    if at_low.outcome is WITHIN:
        assert at_high.outcome is WITHIN
    if at_high.outcome is ABOVE:
        assert at_low.outcome is ABOVE
    # "not confirmed" never depends on the level asked about
    assert (at_low.outcome is NOT_CONFIRMED) == (at_high.outcome is NOT_CONFIRMED)


@given(profile=profiles, skill=unknown_skills, level=levels, policy=policies)
def test_unknown_skill_is_always_not_confirmed(
    profile: ScopeProfile, skill: str, level: Level, policy: UnverifiedPolicy
) -> None:
    """'an unknown skill is "not confirmed", never "allowed"'."""
    decision = is_within_scope(skill, level, profile, unverified=policy)
    assert decision.outcome is NOT_CONFIRMED
    assert not decision.within_scope


@given(profile=profiles, row=rows, level=levels, policy=policies)
def test_decision_matches_the_row(
    profile: ScopeProfile, row: SkillRow, level: Level, policy: UnverifiedPolicy
) -> None:
    """'a skill is within EMR scope only if the scope profile in force lists it at EMR
    level' (at any level: only if listed at that level or below, and not unverified)."""
    decision = is_within_scope(row.key, level, profile, unverified=policy)
    listed = profile.get(row.key)
    if listed is None:
        assert decision.outcome is NOT_CONFIRMED
        return
    assert decision.row == listed
    assert decision.citation == listed.citation
    if listed.verify and policy is UnverifiedPolicy.NOT_CONFIRMED:
        assert decision.outcome is NOT_CONFIRMED
    elif level >= listed.min_level:
        assert decision.outcome is WITHIN
        assert decision.lowest_level is None
    else:
        assert decision.outcome is ABOVE
        assert decision.lowest_level is listed.min_level
        assert decision.lowest_level > level
    assert decision.confidence is not None
    assert decision.confidence <= listed.confidence
    if listed.verify:
        assert decision.confidence is Confidence.SECONDARY


@given(row=rows, level=levels, data=st.data())
def test_table_name_in_any_case_answers_like_the_key(
    row: SkillRow, level: Level, data: st.DataObject
) -> None:
    """Skills are found by key or by the exact table name, ignoring letter case."""
    name = random_case(data.draw, row.name)
    assert is_within_scope(name, level) == is_within_scope(row.key, level)


@given(base=profiles, data=st.data())
def test_deriving_leaves_the_base_unchanged(base: ScopeProfile, data: st.DataObject) -> None:
    """Principle 4, 'Immutable and pure': derive returns a new profile; the base keeps
    its rows, changes and answers."""
    snapshot = pickle.loads(pickle.dumps(base))
    answers = [is_within_scope(key, "emr", base) for key in base.keys]
    kind = data.draw(st.sampled_from(["widen", "narrow"]))
    changes = data.draw(level_changes(base, lower=kind == "widen"))
    derived = base.derive(
        "child",
        description="t",
        citation=STATE_RULE,
        confidence=Confidence.PRIMARY,
        **{kind: changes},
    )
    assert derived is not base
    assert base == snapshot
    assert base.rows == snapshot.rows
    assert base.changes == snapshot.changes
    assert [is_within_scope(key, "emr", base) for key in base.keys] == answers
    assert len(derived.changes) == len(base.changes) + len(changes)


@given(profile=profiles, level=levels, policy=policies)
def test_can_cannot_list_partitions_the_profile(
    profile: ScopeProfile, level: Level, policy: UnverifiedPolicy
) -> None:
    """The can/cannot list sorts every skill of the profile into exactly one bucket, the
    one is_within_scope gives."""
    lists = can_cannot_list(level, profile, unverified=policy)
    bucket = {
        WITHIN: lists.within,
        ABOVE: lists.above,
        NOT_CONFIRMED: lists.not_confirmed,
    }
    seen = [row.key for part in lists for row in part]
    assert sorted(seen) == sorted(profile.keys)
    for row in profile:
        outcome = is_within_scope(row.key, level, profile, unverified=policy).outcome
        assert row in bucket[outcome]
    assert above_scope_skills(level, profile, unverified=policy) == lists.above


@given(profile=profiles)
def test_every_row_of_every_profile_is_cited(profile: ScopeProfile) -> None:
    """Every row has a citation and a confidence; every change carries its citation and
    records old and new level."""
    for row in profile:
        assert isinstance(row.citation, Citation)
        assert isinstance(row.confidence, Confidence)
    for change in profile.changes:
        assert isinstance(change.citation, Citation)
        assert change.old_level is not None or change.kind is ChangeKind.ADD
        assert change.new_level is not None or change.kind is ChangeKind.REMOVE


# ---------------------------------------------------------------------------------------
# bad input


@pytest.mark.parametrize("skill", [None, 3, b"cpap", ("cpap",), Level.EMR])
def test_non_str_skill_is_a_type_error(skill: object) -> None:
    with raises_emrpath(InputTypeError, field="skill", rule=RULE) as info:
        is_within_scope(skill, "emr")  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError)


@pytest.mark.parametrize("level", [None, 0, 1.0, True, Confidence.PRIMARY, ["emr"]])
def test_non_level_is_a_type_error(level: object) -> None:
    with raises_emrpath(InputTypeError, field="level", rule=RULE):
        is_within_scope("cpap", level)  # type: ignore[arg-type]
    with raises_emrpath(InputTypeError, field="level", rule=RULE):
        can_cannot_list(level)  # type: ignore[arg-type]


@pytest.mark.parametrize("level", ["EMR", "Emt", " emr", "first responder", "", "medic"])
def test_unknown_level_string_is_an_unknown_name(level: str) -> None:
    with raises_emrpath(UnknownNameError, field="level", rule=RULE) as info:
        is_within_scope("cpap", level)
    assert isinstance(info.value, LookupError)


def test_unknown_level_names_a_near_miss() -> None:
    with pytest.raises(UnknownNameError, match="did you mean 'paramedic'"):
        Level.parse("Paramedic")


def test_bad_profile_and_policy() -> None:
    with raises_emrpath(InputTypeError, field="profile", rule=RULE):
        is_within_scope("cpap", "emr", "national-2019")  # type: ignore[arg-type]
    with raises_emrpath(UnknownNameError, field="unverified", rule=RULE):
        is_within_scope("cpap", "emr", unverified="allowed")
    with raises_emrpath(InputTypeError, field="unverified", rule=RULE):
        is_within_scope("cpap", "emr", unverified=True)  # type: ignore[arg-type]


def test_row_lookup_of_unknown_skill_raises_but_decision_does_not() -> None:
    with raises_emrpath(UnknownNameError, field="skill", rule=RULE):
        NATIONAL_2019.row("teleportation")
    assert is_within_scope("teleportation", "emr").outcome is NOT_CONFIRMED
    with raises_emrpath(InputTypeError, field="skill", rule=RULE):
        NATIONAL_2019.get(42)  # type: ignore[arg-type]
    assert 42 not in NATIONAL_2019


def _derive(**kwargs: object) -> ScopeProfile:
    args: dict[str, object] = {
        "description": "t",
        "citation": STATE_RULE,
        "confidence": Confidence.PRIMARY,
    }
    args.update(kwargs)
    return NATIONAL_2019.derive("bad", **args)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "error", "field"),
    [
        ({"widen": {"cpap": "emt"}}, InvalidRecordError, "widen"),  # not lower
        ({"widen": {"cpap": "aemt"}}, InvalidRecordError, "widen"),  # higher
        ({"narrow": {"cpap": "emr"}}, InvalidRecordError, "narrow"),  # lower
        ({"narrow": {"cpr": "emr"}}, InvalidRecordError, "narrow"),  # same
        ({"widen": {"teleportation": "emr"}}, UnknownNameError, "widen"),
        ({"remove": ["teleportation"]}, UnknownNameError, "remove"),
        ({"remove": "cpap"}, InputTypeError, "remove"),
        ({"widen": {"cpap": "EMR"}}, UnknownNameError, "widen"),
        ({"widen": {"cpap": 0}}, InputTypeError, "widen"),
        ({"widen": [("cpap", "emr")]}, InputTypeError, "widen"),
        ({"widen": {3: "emr"}}, InputTypeError, "widen"),
        (
            {"widen": {"cpap": "emr"}, "remove": ["CPAP"]},
            InvalidRecordError,
            "remove",
        ),
        ({}, InvalidRecordError, "derive"),
        ({"widen": {"cpap": "emr"}, "citation": "a url"}, InputTypeError, "citation"),
        ({"widen": {"cpap": "emr"}, "confidence": "primary"}, InputTypeError, "confidence"),
        ({"widen": {"cpap": "emr"}, "description": " "}, InvalidRecordError, "description"),
        ({"widen": {"cpap": "emr"}, "verify": 1}, InputTypeError, "verify"),
        ({"add": [NATIONAL_2019.row("cpap")]}, InvalidRecordError, "add"),
        ({"add": ["cpap"]}, InputTypeError, "add"),
    ],
)
def test_bad_derivations(kwargs: dict[str, object], error: type[EmrpathError], field: str) -> None:
    with raises_emrpath(error, field=field, rule=RULE):
        _derive(**kwargs)


def test_derived_profile_needs_its_own_name() -> None:
    with raises_emrpath(InvalidRecordError, field="name", rule=RULE):
        NATIONAL_2019.derive(
            "national-2019",
            description="t",
            widen={"cpap": "emr"},
            citation=STATE_RULE,
            confidence=Confidence.PRIMARY,
        )


def _row(**kwargs: object) -> SkillRow:
    args: dict[str, object] = {
        "key": "a_skill",
        "name": "A skill",
        "category": "Misc",
        "min_level": Level.EMT,
        "note": "",
        "sources": ("X1",),
        "citation": STATE_RULE,
        "confidence": Confidence.SECONDARY,
    }
    args.update(kwargs)
    return SkillRow(**args)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "error", "field"),
    [
        ({"key": "A Skill"}, InvalidRecordError, "SkillRow.key"),
        ({"key": "a__skill"}, InvalidRecordError, "SkillRow.key"),
        ({"key": "_a"}, InvalidRecordError, "SkillRow.key"),
        ({"key": 7}, InputTypeError, "SkillRow.key"),
        ({"name": ""}, InvalidRecordError, "SkillRow.name"),
        ({"category": None}, InputTypeError, "SkillRow.category"),
        ({"min_level": "EMT"}, UnknownNameError, "SkillRow.min_level"),
        ({"min_level": 2}, InputTypeError, "SkillRow.min_level"),
        ({"sources": ()}, InvalidRecordError, "SkillRow.sources"),
        ({"sources": ("",)}, InvalidRecordError, "SkillRow.sources"),
        ({"citation": "https://example.org"}, InputTypeError, "SkillRow.citation"),
        ({"confidence": "secondary"}, InputTypeError, "SkillRow.confidence"),
        ({"verify": "yes"}, InputTypeError, "SkillRow.verify"),
        ({"note": None}, InputTypeError, "SkillRow.note"),
    ],
)
def test_bad_skill_rows(kwargs: dict[str, object], error: type[EmrpathError], field: str) -> None:
    with raises_emrpath(error, field=field, rule=RULE):
        _row(**kwargs)


def test_skill_row_accepts_a_level_string_and_a_lone_source_id() -> None:
    row = _row(min_level="aemt", sources="X1")
    assert row.min_level is Level.AEMT
    assert row.sources == ("X1",)


@pytest.mark.parametrize(
    "rows",
    [
        (("a_skill", "A skill"), ("a_skill", "Another skill")),  # duplicate key
        (("a_skill", "A skill"), ("b_skill", "a SKILL")),  # duplicate name
        (("a_skill", "b_skill"), ("b_skill", "B skill")),  # a name is another's key
    ],
)
def test_ambiguous_profiles_are_refused(rows: tuple[tuple[str, str], ...]) -> None:
    with raises_emrpath(InvalidRecordError, field="ScopeProfile.rows", rule=RULE):
        ScopeProfile(
            name="p", description="d", rows=[_row(key=key, name=name) for key, name in rows]
        )


def test_profile_rows_and_changes_must_be_typed() -> None:
    with raises_emrpath(InputTypeError, field="ScopeProfile.rows", rule=RULE):
        ScopeProfile(name="p", description="d", rows=["cpap"])  # type: ignore[list-item]
    with raises_emrpath(InputTypeError, field="ScopeProfile.changes", rule=RULE):
        ScopeProfile(name="p", description="d", rows=(), changes=["x"])  # type: ignore[list-item]
    with raises_emrpath(InvalidRecordError, field="ScopeProfile.name", rule=RULE):
        ScopeProfile(name="", description="d", rows=())


@pytest.mark.parametrize(
    ("kind", "old", "new"),
    [
        (ChangeKind.WIDEN, Level.EMR, Level.EMT),
        (ChangeKind.WIDEN, Level.EMT, Level.EMT),
        (ChangeKind.NARROW, Level.AEMT, Level.EMT),
        (ChangeKind.ADD, Level.EMR, Level.EMT),
        (ChangeKind.REMOVE, None, None),
        (ChangeKind.WIDEN, None, Level.EMR),
    ],
)
def test_inconsistent_changes_are_refused(
    kind: ChangeKind, old: Level | None, new: Level | None
) -> None:
    with raises_emrpath(InvalidRecordError, field="ScopeChange(cpap)", rule=RULE):
        ScopeChange(
            kind=kind,
            skill="cpap",
            old_level=old,
            new_level=new,
            citation=STATE_RULE,
            confidence=Confidence.PRIMARY,
            profile="p",
        )


def test_decision_type_validates() -> None:
    with raises_emrpath(InputTypeError, field="ScopeDecision.outcome", rule=RULE):
        ScopeDecision(outcome="within_scope", skill="x", level=Level.EMR, profile="p")  # type: ignore[arg-type]


def test_non_iterables_are_type_errors_not_crashes() -> None:
    with raises_emrpath(InputTypeError, field="SkillRow.sources", rule=RULE):
        _row(sources=5)
    with raises_emrpath(InputTypeError, field="ScopeProfile.rows", rule=RULE):
        ScopeProfile(name="p", description="d", rows=None)  # type: ignore[arg-type]
    with raises_emrpath(InputTypeError, field="add", rule=RULE):
        _derive(add=3)
    with raises_emrpath(InputTypeError, field="ScopeDecision.confidence", rule=RULE):
        ScopeDecision(
            outcome=ScopeOutcome.NOT_CONFIRMED,
            skill="x",
            level=Level.EMR,
            profile="p",
            confidence="secondary",  # type: ignore[arg-type]
        )


# ---------------------------------------------------------------------------------------
# what each refusal and each decision says (mutation testing, issue 17)


def _profile_call(**kwargs: object) -> ScopeProfile:
    args: dict[str, object] = {"name": "p", "description": "d", "rows": ()}
    args.update(kwargs)
    return ScopeProfile(**args)  # type: ignore[arg-type]


def _change(kind: ChangeKind, old: Level | None, new: Level | None, note: str = "") -> ScopeChange:
    return ScopeChange(
        kind=kind,
        skill="cpap",
        old_level=old,
        new_level=new,
        citation=STATE_RULE,
        confidence=Confidence.PRIMARY,
        profile="p",
        note=note,
    )


REFUSALS: list[tuple[str, object, type[EmrpathError], str, str]] = [
    # (what, a call, the error, its field, its message)
    (
        "Level.of a non-program",
        lambda: Level.of("x"),
        InputTypeError,
        "program",
        "expected a Program, got str",
    ),
    (
        "Level.of a program whose level is not a level's value",
        lambda: Level.of(attrs.evolve(__import__("emrpath").NREMT_EMT, level="EMT")),
        UnknownNameError,
        "program.level",
        "unknown level 'EMT'; expected one of 'emr', 'emt', 'aemt', 'paramedic' "
        "(did you mean 'emt'?)",
    ),
    (
        "reasons not iterable",
        lambda: ScopeDecision(
            outcome=ScopeOutcome.NOT_CONFIRMED, skill="x", level=Level.EMR, profile="p", reasons=5
        ),
        InputTypeError,
        "ScopeDecision.reasons",
        "must be an iterable, got int",
    ),
    (
        "Level.of ASCP",
        lambda: Level.of(__import__("emrpath").ASCP_MLS),
        UnknownNameError,
        "program.level",
        "ascp-mls names no scope-of-practice level",
    ),
    (
        "a skill key not snake_case",
        lambda: _row(key="A Skill"),
        InvalidRecordError,
        "SkillRow.key",
        "'A Skill' is not a snake_case key (lower-case letters, digits, single underscores)",
    ),
    (
        "a verify flag not a bool",
        lambda: _row(verify="yes"),
        InputTypeError,
        "SkillRow.verify",
        "must be a bool, got str",
    ),
    (
        "sources not iterable",
        lambda: _row(sources=5),
        InputTypeError,
        "SkillRow.sources",
        "must be an iterable, got int",
    ),
    (
        "no source",
        lambda: _row(sources=()),
        InvalidRecordError,
        "SkillRow.sources",
        "a skill row needs at least one source id",
    ),
    (
        "a blank source",
        lambda: _row(sources=("S1", " ")),
        InvalidRecordError,
        "SkillRow.sources",
        "source ids are non-empty strings, got ' '",
    ),
    (
        "a source not a str",
        lambda: _row(sources=("S1", 3)),
        InvalidRecordError,
        "SkillRow.sources",
        "source ids are non-empty strings, got 3",
    ),
    (
        "a widening to no level",
        lambda: _change(ChangeKind.WIDEN, Level.EMT, None),
        InvalidRecordError,
        "ScopeChange(cpap)",
        "a widen change cannot go from EMT to no level",
    ),
    (
        "a narrowing from no level",
        lambda: _change(ChangeKind.NARROW, None, Level.EMT),
        InvalidRecordError,
        "ScopeChange(cpap)",
        "a narrow change cannot go from no level to EMT",
    ),
    (
        "a blank derived_from",
        lambda: _profile_call(derived_from=" "),
        InvalidRecordError,
        "ScopeProfile.derived_from",
        "must not be empty",
    ),
    (
        "a derived_from not a str",
        lambda: _profile_call(derived_from=3),
        InputTypeError,
        "ScopeProfile.derived_from",
        "must be a str, got int",
    ),
    (
        "a change not a ScopeChange",
        lambda: _profile_call(changes=["x"]),
        InputTypeError,
        "ScopeProfile.changes",
        "changes must be ScopeChange values, got str",
    ),
    (
        "changes not iterable",
        lambda: _profile_call(changes=5),
        InputTypeError,
        "ScopeProfile.changes",
        "must be an iterable, got int",
    ),
    (
        "a row not a SkillRow",
        lambda: _profile_call(rows=["cpap"]),
        InputTypeError,
        "ScopeProfile.rows",
        "rows must be SkillRow values, got str",
    ),
    (
        "rows not iterable",
        lambda: _profile_call(rows=None),
        InputTypeError,
        "ScopeProfile.rows",
        "must be an iterable, got NoneType",
    ),
    (
        "two rows, one key",
        lambda: _profile_call(rows=[_row(), _row(name="B")]),
        InvalidRecordError,
        "ScopeProfile.rows",
        "two rows share the key 'a_skill'",
    ),
    (
        "two rows, one name",
        lambda: _profile_call(rows=[_row(), _row(key="b_skill", name="a SKILL")]),
        InvalidRecordError,
        "ScopeProfile.rows",
        "rows 'a_skill' and 'b_skill' share the name 'a SKILL'",
    ),
    (
        "a name that is another row's key",
        lambda: _profile_call(rows=[_row(name="b_skill"), _row(key="b_skill", name="B skill")]),
        InvalidRecordError,
        "ScopeProfile.rows",
        "the name of 'a_skill' is the key of 'b_skill'; lookups would be ambiguous",
    ),
    (
        "a lookup by a non-str",
        lambda: NATIONAL_2019.get(3),
        InputTypeError,
        "skill",
        "must be a str (a skill key or table name), got int",
    ),
    (
        "a row not listed",
        lambda: NATIONAL_2019.row("bvm"),
        UnknownNameError,
        "skill",
        "profile 'national-2019' does not list 'bvm'",
    ),
    (
        "a derived profile under its base's name",
        lambda: NATIONAL_2019.derive(
            "national-2019",
            description="t",
            widen={"cpap": "emr"},
            citation=STATE_RULE,
            confidence=Confidence.PRIMARY,
        ),
        InvalidRecordError,
        "name",
        "a derived profile needs a name of its own, not 'national-2019'",
    ),
    (
        "a name not a str",
        lambda: NATIONAL_2019.derive(
            3,
            description="t",
            widen={"cpap": "emr"},  # type: ignore[arg-type]
            citation=STATE_RULE,
            confidence=Confidence.PRIMARY,
        ),
        InputTypeError,
        "name",
        "must be a str, got int",
    ),
    (
        "a blank name",
        lambda: NATIONAL_2019.derive(
            " ",
            description="t",
            widen={"cpap": "emr"},
            citation=STATE_RULE,
            confidence=Confidence.PRIMARY,
        ),
        InvalidRecordError,
        "name",
        "must not be empty",
    ),
    (
        "a blank description",
        lambda: _derive(widen={"cpap": "emr"}, description=" "),
        InvalidRecordError,
        "description",
        "must not be empty",
    ),
    (
        "a description not a str",
        lambda: _derive(widen={"cpap": "emr"}, description=None),
        InputTypeError,
        "description",
        "must be a str, got NoneType",
    ),
    (
        "a citation not a Citation",
        lambda: _derive(widen={"cpap": "emr"}, citation="a url"),
        InputTypeError,
        "citation",
        "must be a Citation, got str",
    ),
    (
        "a confidence not a Confidence",
        lambda: _derive(widen={"cpap": "emr"}, confidence="primary"),
        InputTypeError,
        "confidence",
        "must be a Confidence, got str",
    ),
    (
        "a note not a str",
        lambda: _derive(widen={"cpap": "emr"}, note=None),
        InputTypeError,
        "note",
        "must be a str, got NoneType",
    ),
    (
        "a verify flag not a bool",
        lambda: _derive(widen={"cpap": "emr"}, verify=1),
        InputTypeError,
        "verify",
        "must be a bool, got int",
    ),
    (
        "widen not a mapping",
        lambda: _derive(widen=[("cpap", "emr")]),
        InputTypeError,
        "widen",
        "must be a mapping of skill to level, got list",
    ),
    (
        "narrow not a mapping",
        lambda: _derive(narrow=[("cpap", "emr")]),
        InputTypeError,
        "narrow",
        "must be a mapping of skill to level, got list",
    ),
    (
        "a narrowing to an unknown level",
        lambda: _derive(narrow={"cpap": "X"}),
        UnknownNameError,
        "narrow",
        "unknown level 'X'; expected one of 'emr', 'emt', 'aemt', 'paramedic'",
    ),
    (
        "remove given one str",
        lambda: _derive(remove="cpap"),
        InputTypeError,
        "remove",
        "must be an iterable of skills, not a single str",
    ),
    (
        "a skill not a str",
        lambda: _derive(widen={3: "emr"}),
        InputTypeError,
        "widen",
        "skills are str keys or names, got int",
    ),
    (
        "a removal not listed",
        lambda: _derive(remove=["teleportation"]),
        UnknownNameError,
        "remove",
        "profile 'national-2019' does not list 'teleportation'",
    ),
    (
        "a skill changed twice",
        lambda: _derive(widen={"cpap": "emr"}, remove=["CPAP"]),
        InvalidRecordError,
        "remove",
        "'cpap' is changed more than once in one derivation",
    ),
    (
        "a widening that does not lower",
        lambda: _derive(widen={"cpap": "emt"}),
        InvalidRecordError,
        "widen",
        "'cpap' is at EMT; to widen it, give a lower level than that, not EMT",
    ),
    (
        "a narrowing that does not raise",
        lambda: _derive(narrow={"cpap": "emt"}),
        InvalidRecordError,
        "narrow",
        "'cpap' is at EMT; to narrow it, give a higher level than that, not EMT",
    ),
    (
        "a row to add not a SkillRow",
        lambda: _derive(add=["cpap"]),
        InputTypeError,
        "add",
        "rows to add are SkillRow values, got str",
    ),
    (
        "rows to add not iterable",
        lambda: _derive(add=3),
        InputTypeError,
        "add",
        "must be an iterable, got int",
    ),
    (
        "an added key already listed",
        lambda: _derive(add=[NATIONAL_2019.row("cpap")]),
        InvalidRecordError,
        "add",
        "'cpap' ('CPAP') is already listed; widen or narrow it",
    ),
    (
        "an added name already listed",
        lambda: _derive(add=[_row(key="x_skill", name="cpap")]),
        InvalidRecordError,
        "add",
        "'x_skill' ('cpap') is already listed; widen or narrow it",
    ),
    (
        "no change",
        lambda: _derive(),
        InvalidRecordError,
        "derive",
        "a derived profile needs at least one change (widen, narrow, add or remove)",
    ),
    (
        "a decision on a non-str skill",
        lambda: is_within_scope(3, "emr"),
        InputTypeError,  # type: ignore[arg-type]
        "skill",
        "must be a str (a skill key or table name), got int",
    ),
    (
        "a decision under a non-profile",
        lambda: is_within_scope("cpap", "emr", "national"),  # type: ignore[arg-type]
        InputTypeError,
        "profile",
        "must be a ScopeProfile, got str",
    ),
    (
        "a decision under an unknown policy",
        lambda: is_within_scope("cpap", "emr", unverified="maybe"),
        UnknownNameError,
        "unverified",
        "unknown policy 'maybe'; expected one of 'not_confirmed', 'as_recorded'",
    ),
    (
        "a list under a non-profile",
        lambda: can_cannot_list("emr", "national"),  # type: ignore[arg-type]
        InputTypeError,
        "profile",
        "must be a ScopeProfile, got str",
    ),
    (
        "a list under a policy not a str",
        lambda: can_cannot_list("emr", unverified=3),  # type: ignore[arg-type]
        InputTypeError,
        "unverified",
        "must be an UnverifiedPolicy or its string value, got int",
    ),
    (
        "above-scope skills under a non-profile",
        lambda: above_scope_skills("emr", None),  # type: ignore[arg-type]
        InputTypeError,
        "profile",
        "must be a ScopeProfile, got NoneType",
    ),
    (
        "a level not a str",
        lambda: can_cannot_list(3),
        InputTypeError,
        "level",  # type: ignore[arg-type]
        "must be a Level or its string value, got int",
    ),
]


@pytest.mark.parametrize(
    ("call", "error", "field", "message"),
    [case[1:] for case in REFUSALS],
    ids=[case[0] for case in REFUSALS],
)
def test_each_refusal_says_what_is_wrong(
    call: object, error: type[EmrpathError], field: str, message: str
) -> None:
    """Every bad input raises an EmrpathError naming the field and the rule (design
    principle 6), and its message says what was wrong and what is expected."""
    with raises_emrpath(error, field=field, rule=RULE) as info:
        call()  # type: ignore[operator]
    assert info.value.message == message


def test_a_note_may_be_blank_and_only_names_must_not_be() -> None:
    """``note`` is "Why, in words; kept on every change": free text, blank allowed, unlike
    the profile's name and description."""
    profile = _derive(widen={"cpap": "emr"}, note=" ")
    assert profile.changes[-1].note == " "


def test_each_change_says_what_it_did() -> None:
    """``ScopeChange``: "One cited change a derived profile makes to its base profile"."""
    assert str(_change(ChangeKind.WIDEN, Level.EMT, Level.EMR)) == (
        "p widens cpap from EMT to EMR"
    )
    assert str(_change(ChangeKind.NARROW, Level.EMT, Level.PARAMEDIC, "state rule")) == (
        "p narrows cpap from EMT to Paramedic (state rule)"
    )
    assert str(_change(ChangeKind.ADD, None, Level.AEMT, "new")) == "p adds cpap at AEMT (new)"
    assert str(_change(ChangeKind.REMOVE, Level.EMT, None)) == "p removes cpap (was EMT)"
    # the levels each kind allows, at their bounds
    _change(ChangeKind.WIDEN, Level.PARAMEDIC, Level.AEMT)
    _change(ChangeKind.NARROW, Level.EMR, Level.EMT)
    for kind, old, new in (
        (ChangeKind.ADD, None, None),
        (ChangeKind.REMOVE, Level.EMT, Level.EMT),
        (ChangeKind.NARROW, Level.EMT, None),
        (ChangeKind.WIDEN, None, None),
    ):
        with raises_emrpath(InvalidRecordError, field="ScopeChange(cpap)", rule=RULE) as info:
            _change(kind, old, new)
        assert info.value.message.startswith(f"a {kind.value} change cannot go from ")


def _state() -> ScopeProfile:
    return NATIONAL_2019.derive(
        "st",
        description="A state's narrowing and removal (test profile).",
        citation=STATE_RULE,
        confidence=Confidence.PRIMARY,
        narrow={"cpap": "aemt"},
        remove=["jaw_thrust"],
        note="state rule",
    )


STATE_SOURCE = (
    'Example state EMS rule (test data) <https://example.org/state-ems-rule>: "example quote"'
)


def test_each_decision_gives_its_reasons_in_order() -> None:
    """Module docstring: an answer on a row "rests on" its source, a flagged row says so,
    "every change it makes carries its citation", and an unlisted skill "is not confirmed,
    never assumed allowed"."""
    state = _state()
    above = is_within_scope("cpap", "emt", state)
    assert above.reasons == (
        "CPAP: minimum level AEMT in profile st; EMT is below it, so this is above scope.",
        f"Changed by st narrows cpap from EMT to AEMT (state rule): {STATE_SOURCE}",
        f"Source: {STATE_SOURCE}",
    )
    assert str(above) == "above scope: CPAP at EMT (lowest level AEMT; profile st; primary source)"
    assert (above.lowest_level, above.confidence, above.citation) == (
        Level.AEMT,
        Confidence.PRIMARY,
        STATE_RULE,
    )
    within = is_within_scope("cpap", "aemt", state)
    assert within.reasons[0] == (
        "CPAP: minimum level AEMT in profile st; AEMT is at or above it, so this is within scope."
    )
    assert within.lowest_level is None
    assert str(within) == (
        "within scope: CPAP at AEMT (minimum level AEMT; profile st; primary source)"
    )
    removed = is_within_scope("jaw_thrust", "emt", state)
    assert removed.reasons == (
        "Profile st does not list 'jaw_thrust' (skills are looked up by key or exact table "
        "name); an unlisted skill is not confirmed, never assumed allowed.",
        f"Removed by st removes jaw_thrust (was EMR) (state rule): {STATE_SOURCE}",
    )
    assert (removed.citation, removed.confidence) == (STATE_RULE, Confidence.PRIMARY)
    assert str(removed) == "not confirmed: 'jaw_thrust' at EMT (profile st; primary source)"
    # the table name of a removed skill is not its key: nothing says it was removed
    by_name = is_within_scope("Jaw thrust", "emt", state)
    assert len(by_name.reasons) == 1
    assert (by_name.citation, by_name.confidence) == (None, None)
    assert str(by_name) == "not confirmed: 'Jaw thrust' at EMT (profile st; no source)"
    # a skill removed, added back and removed again: the last removal answers
    other = Citation(url="https://example.org/later-rule", quote="later", title="Later rule")
    again = state.derive(
        "st-2",
        description="back",
        citation=STATE_RULE,
        confidence=Confidence.PRIMARY,
        add=[NATIONAL_2019.row("jaw_thrust")],
    ).derive(
        "st-3",
        description="gone again",
        citation=other,
        confidence=Confidence.SECONDARY,
        remove=["jaw_thrust"],
    )
    last = is_within_scope("jaw_thrust", "emt", again)
    assert last.reasons[1] == (
        "Removed by st-3 removes jaw_thrust (was EMR): "
        'Later rule <https://example.org/later-rule>: "later"'
    )
    assert (last.citation, last.confidence) == (other, Confidence.SECONDARY)


def test_a_flagged_row_says_why_it_is_not_confirmed_or_how_it_was_read() -> None:
    """Module docstring: 'with unverified="not_confirmed" (the default) every question on
    such a row is NOT_CONFIRMED. A caller who accepts the recorded level passes
    unverified="as_recorded" and gets WITHIN_SCOPE/ABOVE_SCOPE with confidence SECONDARY
    and a reason saying the row is flagged.'"""
    row = _row(key="a_skill", name="A skill", confidence=Confidence.PRIMARY, verify=True)
    profile = ScopeProfile(name="p", description="d", rows=[row, _row(key="b_skill", name="B")])
    default = is_within_scope("a_skill", "paramedic", profile)
    assert default.reasons == (
        "A skill: profile p records minimum level EMT, but the row is flagged for "
        "verification, so no answer for any level is confirmed.",
        f"Source: {STATE_SOURCE}",
    )
    assert (default.outcome, default.confidence, default.citation) == (
        NOT_CONFIRMED,
        Confidence.SECONDARY,
        STATE_RULE,
    )
    assert default.lowest_level is None
    assert str(default) == (
        "not confirmed: A skill at Paramedic (minimum level EMT; flagged verify; profile p; "
        "secondary source)"
    )
    noted = ScopeProfile(name="q", description="d", rows=[attrs.evolve(row, note="Check it.")])
    assert is_within_scope("a_skill", "emr", noted).reasons[1:] == (
        "Note: Check it.",
        f"Source: {STATE_SOURCE}",
    )
    recorded = is_within_scope("a_skill", "emr", profile, unverified="as_recorded")
    assert recorded.reasons == (
        "A skill: minimum level EMT in profile p; EMR is below it, so this is above scope.",
        "The row is flagged for verification; the recorded level was used because "
        "unverified='as_recorded'.",
        f"The level rests on a secondary source: {STATE_SOURCE}",
    )
    assert (recorded.outcome, recorded.confidence) == (ABOVE, Confidence.SECONDARY)
    assert str(recorded) == (
        "above scope: A skill at EMR (lowest level EMT; profile p; secondary source)"
    )
    plain = is_within_scope("b_skill", "emt", profile)
    assert plain.reasons[-1] == f"The level rests on a secondary source: {STATE_SOURCE}"
    assert str(plain) == "within scope: B at EMT (minimum level EMT; profile p; secondary source)"


def test_a_decision_shown_without_a_row_or_lowest_level_says_what_it_has() -> None:
    """``ScopeDecision.__str__`` shows the lowest level only for an above-scope answer that
    has one, the row's minimum otherwise, and "no source" without a confidence."""
    bare = ScopeDecision(outcome=ABOVE, skill="x_skill", level=Level.EMR, profile="p")
    assert str(bare) == "above scope: 'x_skill' at EMR (profile p; no source)"
    row = NATIONAL_2019.row("cpap")
    with_row = ScopeDecision(outcome=ABOVE, skill="cpap", level=Level.EMR, profile="p", row=row)
    assert str(with_row) == "above scope: CPAP at EMR (minimum level EMT; profile p; no source)"


def test_levels_compare_only_with_levels() -> None:
    """``Level``: "Members order by scope: EMR < EMT < AEMT < PARAMEDIC"; a level is not
    ordered against anything else."""
    for a in Level:
        for b in Level:
            assert (a < b, a <= b, a > b, a >= b) == (
                a.rank < b.rank,
                a.rank <= b.rank,
                a.rank > b.rank,
                a.rank >= b.rank,
            )
    for compare in (
        lambda: Level.EMR < 1,  # type: ignore[operator]
        lambda: Level.EMR <= 1,  # type: ignore[operator]
        lambda: Level.EMR > 1,  # type: ignore[operator]
        lambda: Level.EMR >= 1,  # type: ignore[operator]
    ):
        with pytest.raises(
            TypeError, match="not supported between instances of 'Level' and 'int'"
        ):
            compare()
    assert [level.rank for level in Level] == [0, 1, 2, 3]
    assert [level.label for level in Level] == ["EMR", "EMT", "AEMT", "Paramedic"]


def test_a_near_miss_level_is_suggested_by_value_or_label() -> None:
    """``Level.parse`` refuses a string that "is not exactly a level's value", suggesting
    the level it seems to mean: its value or label in another case or with spaces."""
    for text, meant in (("EMR", "emr"), (" Paramedic ", "paramedic"), ("aEmT", "aemt")):
        with raises_emrpath(UnknownNameError, field="level", rule=RULE) as info:
            Level.parse(text)
        assert info.value.message.endswith(f"(did you mean '{meant}'?)")
    with raises_emrpath(UnknownNameError, field="level", rule=RULE) as info:
        Level.parse("medic")
    assert "did you mean" not in info.value.message


def test_lookups_changes_and_membership() -> None:
    """``changes_for``: "The changes (oldest first) this profile's lineage made to the skill
    ``skill``. ``skill`` is a key, or a table name of a row the profile still lists."""
    state = _state()
    (narrowed,) = state.changes_for("CPAP")
    assert narrowed.kind is ChangeKind.NARROW
    (removal,) = state.changes_for("jaw_thrust")
    assert removal.kind is ChangeKind.REMOVE
    assert state.changes_for("Jaw thrust") == ()
    assert 3 not in state  # type: ignore[operator]
    assert "cpap" in state
    assert "jaw_thrust" not in state
    assert state.keys == tuple(row.key for row in state)
    assert state.get("Cpap") is state.row("cpap")


def test_a_row_in_words() -> None:
    """``SkillRow``: the lowest level that may perform a skill, "and why": its confidence,
    and the flag of a row that needs verification."""
    assert str(NATIONAL_2019.row("cpap")) == "CPAP [EMT+; secondary]"
    assert str(NATIONAL_2019.row("nasopharyngeal_airway")) == (
        'Nasopharyngeal airway (NPA; "Airway – nasal") [EMT+; secondary, verify]'
    )
    assert str(_row(min_level="paramedic", confidence=Confidence.PRIMARY)) == (
        "A skill [Paramedic+; primary]"
    )


def test_a_changed_row_takes_the_changes_verify_flag() -> None:
    """``derive``: "A widened or narrowed row takes the change's citation and confidence,
    since its level now rests on them, and its ``verify`` flag becomes ``verify``"."""
    settled = NATIONAL_2019.derive(
        "settled",
        description="NPA at EMR, settled by a state rule (test profile).",
        citation=STATE_RULE,
        confidence=Confidence.PRIMARY,
        widen={"nasopharyngeal_airway": "emr"},
    )
    row = settled.row("nasopharyngeal_airway")
    assert (row.verify, row.citation, row.confidence) == (False, STATE_RULE, Confidence.PRIMARY)
    assert is_within_scope("nasopharyngeal_airway", "emr", settled).outcome is WITHIN
    doubtful = NATIONAL_2019.derive(
        "doubtful",
        description="CPAP at EMR, still to be verified (test profile).",
        citation=STATE_RULE,
        confidence=Confidence.PRIMARY,
        widen={"cpap": "emr"},
        verify=True,
    )
    assert doubtful.row("cpap").verify
    assert is_within_scope("cpap", "emr", doubtful).outcome is NOT_CONFIRMED


def test_a_change_that_keeps_the_level_is_refused_and_an_added_key_must_be_new() -> None:
    """``ScopeChange``: "The levels do not fit the kind (a widening that does not lower the
    level ...)"; ``derive``: "an added skill that is already listed" is refused, by key or
    by name."""
    with raises_emrpath(InvalidRecordError, field="ScopeChange(cpap)", rule=RULE) as info:
        _change(ChangeKind.NARROW, Level.EMT, Level.EMT)
    assert info.value.message == "a narrow change cannot go from EMT to EMT"
    with raises_emrpath(InvalidRecordError, field="add", rule=RULE) as listed:
        _derive(add=[_row(key="cpap", name="A new name")])
    assert listed.value.message == "'cpap' ('A new name') is already listed; widen or narrow it"


def test_above_scope_skills_reads_the_profile_and_policy_given() -> None:
    """``above_scope_skills``: "Shorthand for ``can_cannot_list(level, profile,
    unverified=unverified).above``"."""
    montana = montana_like()
    above = above_scope_skills("emr", montana)
    assert above == can_cannot_list("emr", montana).above
    assert "pulse_oximetry" not in {row.key for row in above}
    recorded = above_scope_skills("emr", unverified="as_recorded")
    assert recorded == can_cannot_list("emr", unverified=UnverifiedPolicy.AS_RECORDED).above
    assert "nasopharyngeal_airway" in {row.key for row in recorded}
    assert "nasopharyngeal_airway" not in {row.key for row in above_scope_skills("emr")}
