namespace SpineDesk.Clinical.PainDrawing;

/// <summary>
/// The coded regions of SpineDesk's pain drawing (front and back body diagram). The numeric values and the
/// codes of <see cref="PainRegions.CodeOf"/> are stored; neither changes once shipped.
/// </summary>
public enum PainRegion
{
    /// <summary>Low back, left side.</summary>
    LowBackLeft = 1,

    /// <summary>Low back, centre.</summary>
    LowBackCentre = 2,

    /// <summary>Low back, right side.</summary>
    LowBackRight = 3,

    /// <summary>Left buttock.</summary>
    ButtockLeft = 4,

    /// <summary>Right buttock.</summary>
    ButtockRight = 5,

    /// <summary>Left thigh (hip to knee).</summary>
    ThighLeft = 6,

    /// <summary>Right thigh (hip to knee).</summary>
    ThighRight = 7,

    /// <summary>Left leg below the knee (knee to ankle).</summary>
    LowerLegLeft = 8,

    /// <summary>Right leg below the knee (knee to ankle).</summary>
    LowerLegRight = 9,

    /// <summary>Left foot.</summary>
    FootLeft = 10,

    /// <summary>Right foot.</summary>
    FootRight = 11,

    /// <summary>Neck and upper back.</summary>
    NeckAndUpperBack = 12,

    /// <summary>Anywhere else.</summary>
    Other = 13,
}

/// <summary>The sides of the body with pain marked.</summary>
[Flags]
public enum PainSides
{
    /// <summary>No region of either side (none marked, or only central regions).</summary>
    None = 0,

    /// <summary>The left side.</summary>
    Left = 1,

    /// <summary>The right side.</summary>
    Right = 2,

    /// <summary>Both sides.</summary>
    Both = Left | Right,
}

/// <summary>Stored codes, sides and below-the-knee membership of each <see cref="PainRegion"/>.</summary>
public static class PainRegions
{
    private static readonly Dictionary<PainRegion, string> Codes = new()
    {
        [PainRegion.LowBackLeft] = "low-back-left",
        [PainRegion.LowBackCentre] = "low-back-centre",
        [PainRegion.LowBackRight] = "low-back-right",
        [PainRegion.ButtockLeft] = "buttock-left",
        [PainRegion.ButtockRight] = "buttock-right",
        [PainRegion.ThighLeft] = "thigh-left",
        [PainRegion.ThighRight] = "thigh-right",
        [PainRegion.LowerLegLeft] = "lower-leg-left",
        [PainRegion.LowerLegRight] = "lower-leg-right",
        [PainRegion.FootLeft] = "foot-left",
        [PainRegion.FootRight] = "foot-right",
        [PainRegion.NeckAndUpperBack] = "neck-upper-back",
        [PainRegion.Other] = "other",
    };

    private static readonly Dictionary<string, PainRegion> ByCode =
        Codes.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>Every region, in the order of the enum (back, buttocks, legs from the top down, then the rest).</summary>
    public static IReadOnlyList<PainRegion> All { get; } = Enum.GetValues<PainRegion>();

    /// <summary>The stored code of a region, for example <c>lower-leg-left</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value that is not a defined region.</exception>
    public static string CodeOf(PainRegion region) =>
        Codes.TryGetValue(region, out var code)
            ? code
            : throw new ArgumentOutOfRangeException(nameof(region), region, "Unknown pain-drawing region.");

    /// <summary>The region with a stored code.</summary>
    /// <returns>False when no region has that code (codes are compared exactly).</returns>
    public static bool TryParse(string code, out PainRegion region) => ByCode.TryGetValue(code, out region);

    /// <summary>The side a region is on; <see cref="PainSides.None"/> for the central low back, the neck and upper
    /// back, and other.</summary>
    public static PainSides SideOf(PainRegion region) => region switch
    {
        PainRegion.LowBackLeft or PainRegion.ButtockLeft or PainRegion.ThighLeft or PainRegion.LowerLegLeft or PainRegion.FootLeft => PainSides.Left,
        PainRegion.LowBackRight or PainRegion.ButtockRight or PainRegion.ThighRight or PainRegion.LowerLegRight or PainRegion.FootRight => PainSides.Right,
        _ => PainSides.None,
    };

    /// <summary>True for the regions below the knee: the lower leg and the foot, on either side.</summary>
    public static bool IsBelowKnee(PainRegion region) =>
        region is PainRegion.LowerLegLeft or PainRegion.LowerLegRight or PainRegion.FootLeft or PainRegion.FootRight;
}
