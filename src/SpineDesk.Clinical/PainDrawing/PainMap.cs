namespace SpineDesk.Clinical.PainDrawing;

/// <summary>
/// A pain drawing as stored: the set of coded regions a person marked, with what a clinician reads from it at a
/// glance.
/// <para><see cref="PainBelowKnee"/>: pain marked in a lower leg or a foot, on either side. By clinical
/// convention, leg pain that reaches below the knee suggests radicular pain (sciatica) rather than pain
/// referred from the back, which usually stays above the knee; Koes, van Tulder &amp; Peul ("Diagnosis and
/// treatment of sciatica", BMJ 2007;334:1313–1317) list pain radiating to the foot or toes among the signs of
/// sciatica. It is a prompt for the clinician, not a diagnosis, and it raises no red flag by itself: the red-flag
/// screen asks about sciatica in both legs directly (DESIGN.md §4.2).</para>
/// <para>The type is not called <c>PainDrawing</c> so that it never collides with the <c>PainDrawing</c>
/// namespaces of the library and the web feature folders.</para>
/// </summary>
public sealed record PainMap
{
    /// <summary>Creates a drawing from the regions marked.</summary>
    /// <param name="regions">The regions marked, in any order; duplicates are ignored.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value that is not a defined <see cref="PainRegion"/>.</exception>
    public PainMap(IEnumerable<PainRegion> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var set = new SortedSet<PainRegion>();
        foreach (var region in regions)
        {
            if (!Enum.IsDefined(region))
            {
                throw new ArgumentOutOfRangeException(nameof(regions), region, "Unknown pain-drawing region.");
            }

            set.Add(region);
        }

        Regions = [.. set];
    }

    /// <summary>An empty drawing: no region marked.</summary>
    public static PainMap Empty { get; } = new([]);

    /// <summary>The regions marked, each once, in the order of <see cref="PainRegion"/>.</summary>
    public IReadOnlyList<PainRegion> Regions { get; }

    /// <summary>True when pain is marked below the knee (a lower leg or a foot, either side); see the type summary.</summary>
    public bool PainBelowKnee => Regions.Any(PainRegions.IsBelowKnee);

    /// <summary>The sides with a one-sided region marked (low back, buttock, thigh, lower leg or foot of that side).</summary>
    public PainSides Sides => Regions.Aggregate(PainSides.None, (sides, r) => sides | PainRegions.SideOf(r));

    /// <summary>The sides with pain marked below the knee: <see cref="PainSides.Both"/> when it reaches below both knees.</summary>
    public PainSides BelowKneeSides =>
        Regions.Where(PainRegions.IsBelowKnee).Aggregate(PainSides.None, (sides, r) => sides | PainRegions.SideOf(r));

    /// <summary>The stored codes of the regions marked, in the order of <see cref="Regions"/>.</summary>
    public IReadOnlyList<string> Codes => [.. Regions.Select(PainRegions.CodeOf)];

    /// <summary>Reads a drawing from stored codes.</summary>
    /// <exception cref="FormatException">A code that names no region; the message gives the code and the known ones.</exception>
    public static PainMap FromCodes(IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var regions = new List<PainRegion>();
        foreach (var code in codes)
        {
            if (!PainRegions.TryParse(code, out var region))
            {
                throw new FormatException(
                    $"\"{code}\" is not a pain-drawing region. Known regions: {string.Join(", ", PainRegions.All.Select(PainRegions.CodeOf))}.");
            }

            regions.Add(region);
        }

        return new PainMap(regions);
    }

    /// <summary>True when both drawings mark the same regions.</summary>
    public bool Equals(PainMap? other) => other is not null && Regions.SequenceEqual(other.Regions);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var region in Regions)
        {
            hash.Add(region);
        }

        return hash.ToHashCode();
    }
}
