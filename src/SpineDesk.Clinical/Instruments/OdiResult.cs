namespace SpineDesk.Clinical.Instruments;

/// <summary>
/// The Oswestry disability bands of Fairbank &amp; Pynsent (Spine 2000;25(22):2940–2952), as DESIGN.md §4.1
/// lists them. See <see cref="OdiScorer.BandOf"/> for where a non-integer percentage falls.
/// </summary>
public enum OdiBand
{
    /// <summary>0–20%: minimal disability.</summary>
    Minimal = 1,

    /// <summary>21–40%: moderate disability.</summary>
    Moderate = 2,

    /// <summary>41–60%: severe disability.</summary>
    Severe = 3,

    /// <summary>61–80%: crippled (the published band name).</summary>
    Crippled = 4,

    /// <summary>81–100%: bed-bound (or exaggerating symptoms, in the published description).</summary>
    BedBound = 5,
}

/// <summary>An Oswestry Disability Index score; see <see cref="OdiScorer"/> for the rules.</summary>
public sealed record OdiResult
{
    internal OdiResult(IReadOnlyList<int?> sections)
    {
        Sections = sections;
        foreach (var section in sections)
        {
            if (section is { } points)
            {
                Points += points;
                SectionsAnswered++;
            }
        }
    }

    /// <summary>The score of each of the ten sections in order (the higher box where two were ticked), null
    /// where the section was skipped.</summary>
    public IReadOnlyList<int?> Sections { get; }

    /// <summary>The sum of the section scores.</summary>
    public int Points { get; }

    /// <summary>How many sections were answered, 1 to 10.</summary>
    public int SectionsAnswered { get; }

    /// <summary>The highest possible sum for the sections answered: 5 × sections answered.</summary>
    public int MaximumPoints => 5 * SectionsAnswered;

    /// <summary>The exact percentage, points ÷ (5 × sections answered) × 100, to decimal precision (16/45 →
    /// 35.555…). Bands are taken from this value.</summary>
    public decimal Percentage => 100m * Points / MaximumPoints;

    /// <summary>The percentage as reported: rounded to one decimal, halves away from zero (16/45 → 35.6).</summary>
    public decimal RoundedPercentage => Math.Round(Percentage, 1, MidpointRounding.AwayFromZero);

    /// <summary>True when fewer than <see cref="OdiScorer.CompleteSections"/> sections were answered: the score is
    /// still computed but must be read with care (DESIGN.md §4.1).</summary>
    public bool Incomplete => SectionsAnswered < OdiScorer.CompleteSections;

    /// <summary>The disability band of <see cref="Percentage"/>.</summary>
    public OdiBand Band => OdiScorer.BandOf(Percentage);

    /// <summary>The score as an observation: LOINC 97909-6 in panel 97908-8, the rounded percentage in <c>%</c>,
    /// the band code as its interpretation and the incomplete flag.</summary>
    public InstrumentScore ToScore() => new(
        OdiScorer.Key,
        new ScoreCode(ScoreCodeSystems.Loinc, OdiScorer.PanelLoincCode, "Oswestry Disability Index (ODI) v2.1a panel"),
        [new(ScoreCodeSystems.Loinc, OdiScorer.ScoreLoincCode, "Oswestry Disability Index (ODI) v2.1a score", RoundedPercentage, "%", OdiScorer.CodeOf(Band), Incomplete)]);
}
