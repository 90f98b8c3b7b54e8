namespace SpineDesk.Clinical.RedFlags;

/// <summary>One condition the screen found, the urgency it calls for, and the signs that raised it.</summary>
/// <param name="Category">The condition suspected.</param>
/// <param name="Urgency">How soon the person must be seen for this finding.</param>
/// <param name="Signs">The reported signs that raised it.</param>
public sealed record RedFlagFinding(RedFlagCategory Category, Urgency Urgency, IReadOnlyList<RedFlagSign> Signs);

/// <summary>The outcome of the red-flag screen.</summary>
/// <param name="Urgency">The highest urgency of any finding; <see cref="Urgency.Routine"/> when none.</param>
/// <param name="Findings">Every condition found, most urgent first.</param>
public sealed record RedFlagAssessment(Urgency Urgency, IReadOnlyList<RedFlagFinding> Findings)
{
    /// <summary>True when the person must be told to go to an emergency department now.</summary>
    public bool IsEmergency => Urgency == Urgency.Emergency;

    /// <summary>True when a finding needs a note for the clinician (possible inflammatory disease).</summary>
    public bool NeedsClinicianNote => Findings.Any(f => f.Category == RedFlagCategory.PossibleInflammatoryDisease);
}

/// <summary>
/// The red-flag rules of DESIGN.md §4.2, after NICE guideline NG59 (Low back pain and sciatica in over 16s:
/// assessment and management, 2016, updated 2020) and NICE CKS "Back pain – low (without radiculopathy)":
/// <list type="bullet">
/// <item>Possible cauda equina syndrome (new bladder or bowel problems, saddle numbness, sciatica in both legs,
/// rapidly worsening leg weakness): <b>emergency</b>.</item>
/// <item>Possible spinal cord compression or cancer (history of cancer with new back pain, unexplained weight
/// loss, constant night pain): <b>emergency</b> when any neurological symptom is also present, otherwise
/// <b>urgent</b>.</item>
/// <item>Possible infection (fever, intravenous drug use, immune suppression): <b>urgent</b>.</item>
/// <item>Possible fracture (significant trauma, osteoporosis, long-term steroid use): <b>urgent</b>.</item>
/// <item>Possible inflammatory disease (morning stiffness over 30 minutes improving with exercise, onset
/// before 45): <b>routine</b>, with a note for the clinician.</item>
/// </list>
/// </summary>
public static class RedFlagScreen
{
    private static readonly RedFlagSign[] CaudaEquinaSigns =
    [
        RedFlagSign.NewBladderOrBowelProblem,
        RedFlagSign.SaddleNumbness,
        RedFlagSign.SciaticaBothLegs,
        RedFlagSign.RapidlyWorseningLegWeakness,
    ];

    private static readonly RedFlagSign[] CancerSigns =
    [
        RedFlagSign.CancerHistoryWithNewBackPain,
        RedFlagSign.UnexplainedWeightLoss,
        RedFlagSign.ConstantNightPain,
    ];

    /// <summary>Signs that count as neurological symptoms for the cord-compression rule.</summary>
    private static readonly RedFlagSign[] NeurologicalSigns =
    [
        RedFlagSign.NeurologicalSymptoms,
        .. CaudaEquinaSigns,
    ];

    private static readonly RedFlagSign[] InfectionSigns =
        [RedFlagSign.Fever, RedFlagSign.IntravenousDrugUse, RedFlagSign.ImmuneSuppression];

    private static readonly RedFlagSign[] FractureSigns =
        [RedFlagSign.SignificantTrauma, RedFlagSign.Osteoporosis, RedFlagSign.LongTermSteroidUse];

    private static readonly RedFlagSign[] InflammatorySigns =
        [RedFlagSign.MorningStiffnessImprovingWithExercise, RedFlagSign.OnsetBeforeAge45];

    /// <summary>The signs that belong to each category, for forms that group the questions.</summary>
    public static IReadOnlyDictionary<RedFlagCategory, IReadOnlyList<RedFlagSign>> SignsByCategory { get; } =
        new Dictionary<RedFlagCategory, IReadOnlyList<RedFlagSign>>
        {
            [RedFlagCategory.PossibleCaudaEquina] = CaudaEquinaSigns,
            [RedFlagCategory.PossibleCordCompressionOrCancer] = [.. CancerSigns, RedFlagSign.NeurologicalSymptoms],
            [RedFlagCategory.PossibleInfection] = InfectionSigns,
            [RedFlagCategory.PossibleFracture] = FractureSigns,
            [RedFlagCategory.PossibleInflammatoryDisease] = InflammatorySigns,
        };

    /// <summary>Applies the rules to the signs a person reported.</summary>
    /// <param name="reported">The signs answered "yes"; duplicates are ignored.</param>
    /// <returns>The findings and the overall urgency.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value that is not a defined <see cref="RedFlagSign"/>.</exception>
    public static RedFlagAssessment Assess(IEnumerable<RedFlagSign> reported)
    {
        ArgumentNullException.ThrowIfNull(reported);
        var signs = new HashSet<RedFlagSign>();
        foreach (var sign in reported)
        {
            if (!Enum.IsDefined(sign))
            {
                throw new ArgumentOutOfRangeException(nameof(reported), sign, "Unknown red-flag sign.");
            }

            signs.Add(sign);
        }

        var findings = new List<RedFlagFinding>();
        void Add(RedFlagCategory category, Urgency urgency, RedFlagSign[] categorySigns, RedFlagSign[]? extra = null)
        {
            var present = categorySigns.Where(signs.Contains).ToList();
            if (present.Count == 0)
            {
                return;
            }

            if (extra is not null)
            {
                present.AddRange(extra.Where(s => signs.Contains(s) && !present.Contains(s)));
            }

            findings.Add(new RedFlagFinding(category, urgency, present));
        }

        Add(RedFlagCategory.PossibleCaudaEquina, Urgency.Emergency, CaudaEquinaSigns);

        var neurological = NeurologicalSigns.Any(signs.Contains);
        Add(RedFlagCategory.PossibleCordCompressionOrCancer,
            neurological ? Urgency.Emergency : Urgency.Urgent,
            CancerSigns,
            neurological ? NeurologicalSigns : null);

        Add(RedFlagCategory.PossibleInfection, Urgency.Urgent, InfectionSigns);
        Add(RedFlagCategory.PossibleFracture, Urgency.Urgent, FractureSigns);
        Add(RedFlagCategory.PossibleInflammatoryDisease, Urgency.Routine, InflammatorySigns);

        var ordered = findings.OrderByDescending(f => f.Urgency).ToList();
        var urgency = ordered.Count == 0 ? Urgency.Routine : ordered[0].Urgency;
        return new RedFlagAssessment(urgency, ordered);
    }
}
