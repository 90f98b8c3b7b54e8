using System.Globalization;
using SpineDesk.Clinical.PainDrawing;

namespace SpineDesk.Web.Features.SelfAssessment;

/// <summary>One shape of the body diagram, in the units of <see cref="PainFigure.ViewBox"/>.</summary>
/// <param name="Region">The region the shape belongs to.</param>
/// <param name="IsCircle">True for a circle centred in the box, false for a rounded rectangle.</param>
/// <param name="X">The left edge of the shape's box.</param>
/// <param name="Y">The top edge of the shape's box.</param>
/// <param name="Width">The width of the box.</param>
/// <param name="Height">The height of the box.</param>
public sealed record FigureShape(PainRegion Region, bool IsCircle, int X, int Y, int Width, int Height)
{
    public string Attr(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// The pain drawing's body diagram (front and back) and the words for each region. The diagram only shows and
/// toggles the regions; the form itself is a checkbox per region, labelled in words and grouped, so it works by
/// keyboard, with a screen reader and without JavaScript.
/// </summary>
public static class PainFigure
{
    public const string ViewBox = "-20 0 440 490";

    private const int Front = 100;
    private const int Back = 300;

    /// <summary>The checkbox groups, in the order they are shown.</summary>
    public static IReadOnlyList<(string Legend, IReadOnlyList<PainRegion> Regions)> Groups { get; } =
    [
        ("Your back", [PainRegion.NeckAndUpperBack, PainRegion.LowBackLeft, PainRegion.LowBackCentre, PainRegion.LowBackRight]),
        ("Left side: buttock and leg", [PainRegion.ButtockLeft, PainRegion.ThighLeft, PainRegion.LowerLegLeft, PainRegion.FootLeft]),
        ("Right side: buttock and leg", [PainRegion.ButtockRight, PainRegion.ThighRight, PainRegion.LowerLegRight, PainRegion.FootRight]),
        ("Anywhere else", [PainRegion.Other]),
    ];

    /// <summary>A region in the person's words.</summary>
    public static string Describe(PainRegion region) => region switch
    {
        PainRegion.LowBackLeft => "Low back, left side",
        PainRegion.LowBackCentre => "Low back, middle",
        PainRegion.LowBackRight => "Low back, right side",
        PainRegion.ButtockLeft => "Left buttock",
        PainRegion.ButtockRight => "Right buttock",
        PainRegion.ThighLeft => "Left thigh (hip to knee)",
        PainRegion.ThighRight => "Right thigh (hip to knee)",
        PainRegion.LowerLegLeft => "Left leg below the knee",
        PainRegion.LowerLegRight => "Right leg below the knee",
        PainRegion.FootLeft => "Left foot",
        PainRegion.FootRight => "Right foot",
        PainRegion.NeckAndUpperBack => "Neck and upper back",
        PainRegion.Other => "Somewhere else (head, chest, belly or arms)",
        _ => region.ToString(),
    };

    /// <summary>The id of a region's checkbox.</summary>
    public static string InputId(PainRegion region) => "region-" + PainRegions.CodeOf(region);

    /// <summary>The shapes of every region, grouped by region.</summary>
    public static IReadOnlyList<IGrouping<PainRegion, FigureShape>> Regions { get; } =
        [.. Shapes().GroupBy(s => s.Region).OrderBy(g => g.Key)];

    /// <summary>
    /// The figure seen from the front (left, the person's right side on the viewer's left) and from behind
    /// (right, the person's left side on the viewer's left, as a clinician reads a pain drawing).
    /// </summary>
    private static IEnumerable<FigureShape> Shapes()
    {
        foreach (var (centre, isBack) in new[] { (Front, false), (Back, true) })
        {
            // Whichever side is on the viewer's left in this view.
            var viewerLeft = isBack ? Side.Left : Side.Right;
            var viewerRight = isBack ? Side.Right : Side.Left;
            FigureShape Box(PainRegion region, int x, int y, int w, int h) => new(region, false, centre + x, y, w, h);

            yield return new(PainRegion.Other, true, centre - 22, 12, 44, 44);
            yield return Box(isBack ? PainRegion.NeckAndUpperBack : PainRegion.Other, -9, 56, 18, 16);
            yield return Box(isBack ? PainRegion.NeckAndUpperBack : PainRegion.Other, -42, 74, 84, 90);
            yield return Box(PainRegion.Other, -62, 78, 17, 160);
            yield return Box(PainRegion.Other, 45, 78, 17, 160);
            if (isBack)
            {
                yield return Box(PainRegion.LowBackLeft, -42, 166, 27, 56);
                yield return Box(PainRegion.LowBackCentre, -14, 166, 28, 56);
                yield return Box(PainRegion.LowBackRight, 15, 166, 27, 56);
                yield return Box(PainRegion.ButtockLeft, -42, 224, 41, 56);
                yield return Box(PainRegion.ButtockRight, 1, 224, 41, 56);
            }
            else
            {
                yield return Box(PainRegion.Other, -42, 166, 84, 114);
            }

            yield return Box(Region(viewerLeft, Part.Thigh), -40, 283, 36, 88);
            yield return Box(Region(viewerRight, Part.Thigh), 4, 283, 36, 88);
            yield return Box(Region(viewerLeft, Part.LowerLeg), -36, 374, 28, 72);
            yield return Box(Region(viewerRight, Part.LowerLeg), 8, 374, 28, 72);
            yield return Box(Region(viewerLeft, Part.Foot), -42, 449, 34, 17);
            yield return Box(Region(viewerRight, Part.Foot), 8, 449, 34, 17);
        }
    }

    /// <summary>The view titles and side labels drawn on the diagram.</summary>
    public static IReadOnlyList<(int X, int Y, string Anchor, string Text)> Captions { get; } =
    [
        (Front, 486, "middle", "Front"),
        (Back, 486, "middle", "Back"),
        (Front - 66, 320, "end", "Right"),
        (Front + 66, 320, "start", "Left"),
        (Back - 66, 320, "end", "Left"),
        (Back + 66, 320, "start", "Right"),
    ];

    private enum Side
    {
        Left,
        Right,
    }

    private enum Part
    {
        Thigh,
        LowerLeg,
        Foot,
    }

    private static PainRegion Region(Side side, Part part) => (side, part) switch
    {
        (Side.Left, Part.Thigh) => PainRegion.ThighLeft,
        (Side.Right, Part.Thigh) => PainRegion.ThighRight,
        (Side.Left, Part.LowerLeg) => PainRegion.LowerLegLeft,
        (Side.Right, Part.LowerLeg) => PainRegion.LowerLegRight,
        (Side.Left, _) => PainRegion.FootLeft,
        _ => PainRegion.FootRight,
    };
}

/// <summary>What the diagram partial needs: whether it toggles checkboxes, and the regions already marked.</summary>
public sealed record PainFigureView(bool Interactive, IReadOnlySet<PainRegion> Marked);
