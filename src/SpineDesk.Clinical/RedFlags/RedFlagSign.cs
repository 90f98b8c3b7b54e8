namespace SpineDesk.Clinical.RedFlags;

/// <summary>
/// One answer of the red-flag screen that a person reported as present. The signs follow NICE NG59
/// (Low back pain and sciatica in over 16s, 2016, updated 2020) and the national back-pain pathways
/// summarised in DESIGN.md §4.2.
/// </summary>
public enum RedFlagSign
{
    /// <summary>New difficulty passing urine, loss of bladder or bowel control.</summary>
    NewBladderOrBowelProblem,

    /// <summary>Numbness around the genitals or back passage ("saddle" area).</summary>
    SaddleNumbness,

    /// <summary>Sciatica (pain running down the leg) in both legs at once.</summary>
    SciaticaBothLegs,

    /// <summary>Weakness in the legs that is getting worse quickly.</summary>
    RapidlyWorseningLegWeakness,

    /// <summary>A history of cancer, and back pain that is new.</summary>
    CancerHistoryWithNewBackPain,

    /// <summary>Weight loss without a known reason.</summary>
    UnexplainedWeightLoss,

    /// <summary>Pain that is there all night and does not ease with rest or changing position.</summary>
    ConstantNightPain,

    /// <summary>New numbness, pins and needles or weakness in one or both legs.</summary>
    NeurologicalSymptoms,

    /// <summary>Fever or feeling hot and shivery together with the back pain.</summary>
    Fever,

    /// <summary>Injecting drugs into a vein, now or recently.</summary>
    IntravenousDrugUse,

    /// <summary>A weakened immune system (illness or medicines that suppress it).</summary>
    ImmuneSuppression,

    /// <summary>A significant injury such as a fall from height or a road accident.</summary>
    SignificantTrauma,

    /// <summary>Known osteoporosis (thinning of the bones).</summary>
    Osteoporosis,

    /// <summary>Taking steroid tablets for a long time.</summary>
    LongTermSteroidUse,

    /// <summary>Morning stiffness lasting more than 30 minutes that improves with exercise.</summary>
    MorningStiffnessImprovingWithExercise,

    /// <summary>The back pain began before the age of 45.</summary>
    OnsetBeforeAge45,
}
