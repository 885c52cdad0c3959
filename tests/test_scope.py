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
