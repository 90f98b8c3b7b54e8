using CsCheck;
using SpineDesk.Clinical.PainDrawing;

namespace SpineDesk.Clinical.Tests.PainDrawing;

public class PainMapTests
{
    [Theory]
    [InlineData(new PainRegion[0], false, PainSides.None, PainSides.None)]
    [InlineData(new[] { PainRegion.LowBackCentre }, false, PainSides.None, PainSides.None)]
    [InlineData(new[] { PainRegion.LowBackLeft, PainRegion.ButtockLeft, PainRegion.ThighLeft }, false, PainSides.Left, PainSides.None)]
    [InlineData(new[] { PainRegion.LowBackCentre, PainRegion.ButtockRight, PainRegion.ThighRight, PainRegion.LowerLegRight }, true, PainSides.Right, PainSides.Right)]
    [InlineData(new[] { PainRegion.FootLeft }, true, PainSides.Left, PainSides.Left)]
    [InlineData(new[] { PainRegion.LowerLegLeft, PainRegion.FootRight }, true, PainSides.Both, PainSides.Both)]
    [InlineData(new[] { PainRegion.ThighLeft, PainRegion.LowerLegRight }, true, PainSides.Both, PainSides.Right)]
    [InlineData(new[] { PainRegion.NeckAndUpperBack, PainRegion.Other }, false, PainSides.None, PainSides.None)]
    public void Derives_pain_below_the_knee_and_the_sides(PainRegion[] regions, bool belowKnee, PainSides sides, PainSides belowKneeSides)
    {
        var map = new PainMap(regions);

        Assert.Equal(belowKnee, map.PainBelowKnee);
        Assert.Equal(sides, map.Sides);
        Assert.Equal(belowKneeSides, map.BelowKneeSides);
    }

    [Fact]
    public void Every_region_has_a_distinct_code_that_reads_back()
    {
        var codes = PainRegions.All.Select(PainRegions.CodeOf).ToList();

        Assert.Equal(13, codes.Count);
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(PainRegions.All, r => Assert.Equal(r, PainMap.FromCodes([PainRegions.CodeOf(r)]).Regions.Single()));
    }

    [Fact]
    public void The_stored_codes_are_fixed()
    {
        var map = PainMap.FromCodes(["foot-right", "low-back-centre", "neck-upper-back", "lower-leg-left", "low-back-centre"]);

        Assert.Equal([PainRegion.LowBackCentre, PainRegion.LowerLegLeft, PainRegion.FootRight, PainRegion.NeckAndUpperBack], map.Regions);
        Assert.Equal(["low-back-centre", "lower-leg-left", "foot-right", "neck-upper-back"], map.Codes);
    }

    [Fact]
    public void An_unknown_code_or_region_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => PainMap.FromCodes(["low-back-left", "knee-left"]));

        Assert.Contains("\"knee-left\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("lower-leg-left", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new PainMap([(PainRegion)99]));
        Assert.Throws<ArgumentOutOfRangeException>(() => PainRegions.CodeOf(0));
    }

    [Fact]
    public void Drawings_with_the_same_regions_are_equal_whatever_the_order()
    {
        var a = new PainMap([PainRegion.FootLeft, PainRegion.LowBackLeft]);
        var b = new PainMap([PainRegion.LowBackLeft, PainRegion.FootLeft, PainRegion.FootLeft]);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, PainMap.Empty);
    }

    [Fact]
    public void Below_the_knee_is_exactly_a_lower_leg_or_a_foot_and_reads_back_from_its_codes()
    {
        var belowKnee = new[] { PainRegion.LowerLegLeft, PainRegion.LowerLegRight, PainRegion.FootLeft, PainRegion.FootRight };
        Gen.Enum<PainRegion>().Array[0, 20].Sample(regions =>
        {
            var map = new PainMap(regions);
            return map.PainBelowKnee == regions.Intersect(belowKnee).Any()
                && (map.Sides & map.BelowKneeSides) == map.BelowKneeSides
                && PainMap.FromCodes(map.Codes).Equals(map);
        });
    }
}
