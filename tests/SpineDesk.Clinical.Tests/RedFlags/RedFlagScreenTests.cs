using CsCheck;
using SpineDesk.Clinical.RedFlags;

namespace SpineDesk.Clinical.Tests.RedFlags;

public class RedFlagScreenTests
{
    [Fact]
    public void No_signs_is_routine_with_no_findings()
    {
        var result = RedFlagScreen.Assess([]);

        Assert.Equal(Urgency.Routine, result.Urgency);
        Assert.Empty(result.Findings);
        Assert.False(result.IsEmergency);
        Assert.False(result.NeedsClinicianNote);
    }

    [Theory]
    [InlineData(RedFlagSign.NewBladderOrBowelProblem)]
    [InlineData(RedFlagSign.SaddleNumbness)]
    [InlineData(RedFlagSign.SciaticaBothLegs)]
    [InlineData(RedFlagSign.RapidlyWorseningLegWeakness)]
    public void Any_cauda_equina_sign_is_an_emergency(RedFlagSign sign)
    {
        var result = RedFlagScreen.Assess([sign]);

        Assert.Equal(Urgency.Emergency, result.Urgency);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(RedFlagCategory.PossibleCaudaEquina, finding.Category);
        Assert.Equal([sign], finding.Signs);
    }

    [Theory]
    [InlineData(RedFlagSign.CancerHistoryWithNewBackPain)]
    [InlineData(RedFlagSign.UnexplainedWeightLoss)]
    [InlineData(RedFlagSign.ConstantNightPain)]
    public void A_cancer_sign_alone_is_urgent(RedFlagSign sign)
    {
        var result = RedFlagScreen.Assess([sign]);

        Assert.Equal(Urgency.Urgent, result.Urgency);
        Assert.Equal(RedFlagCategory.PossibleCordCompressionOrCancer, Assert.Single(result.Findings).Category);
    }

    [Theory]
    [InlineData(RedFlagSign.CancerHistoryWithNewBackPain, RedFlagSign.NeurologicalSymptoms)]
    [InlineData(RedFlagSign.UnexplainedWeightLoss, RedFlagSign.NeurologicalSymptoms)]
    [InlineData(RedFlagSign.ConstantNightPain, RedFlagSign.NeurologicalSymptoms)]
    [InlineData(RedFlagSign.ConstantNightPain, RedFlagSign.RapidlyWorseningLegWeakness)]
    public void A_cancer_sign_with_neurological_symptoms_is_an_emergency(RedFlagSign cancer, RedFlagSign neuro)
    {
        var result = RedFlagScreen.Assess([cancer, neuro]);

        Assert.Equal(Urgency.Emergency, result.Urgency);
        var compression = result.Findings.Single(f => f.Category == RedFlagCategory.PossibleCordCompressionOrCancer);
        Assert.Equal(Urgency.Emergency, compression.Urgency);
        Assert.Contains(neuro, compression.Signs);
    }

    [Fact]
    public void Neurological_symptoms_alone_raise_no_red_flag()
    {
        Assert.Equal(Urgency.Routine, RedFlagScreen.Assess([RedFlagSign.NeurologicalSymptoms]).Urgency);
    }

    [Theory]
    [InlineData(RedFlagSign.Fever, RedFlagCategory.PossibleInfection)]
    [InlineData(RedFlagSign.IntravenousDrugUse, RedFlagCategory.PossibleInfection)]
    [InlineData(RedFlagSign.ImmuneSuppression, RedFlagCategory.PossibleInfection)]
    [InlineData(RedFlagSign.SignificantTrauma, RedFlagCategory.PossibleFracture)]
    [InlineData(RedFlagSign.Osteoporosis, RedFlagCategory.PossibleFracture)]
    [InlineData(RedFlagSign.LongTermSteroidUse, RedFlagCategory.PossibleFracture)]
    public void Infection_and_fracture_signs_are_urgent(RedFlagSign sign, RedFlagCategory category)
    {
        var result = RedFlagScreen.Assess([sign]);

        Assert.Equal(Urgency.Urgent, result.Urgency);
        Assert.Equal(category, Assert.Single(result.Findings).Category);
    }

    [Theory]
    [InlineData(RedFlagSign.MorningStiffnessImprovingWithExercise)]
    [InlineData(RedFlagSign.OnsetBeforeAge45)]
    public void Inflammatory_signs_are_routine_with_a_note_for_the_clinician(RedFlagSign sign)
    {
        var result = RedFlagScreen.Assess([sign]);

        Assert.Equal(Urgency.Routine, result.Urgency);
        Assert.True(result.NeedsClinicianNote);
        Assert.Equal(RedFlagCategory.PossibleInflammatoryDisease, Assert.Single(result.Findings).Category);
    }

    [Fact]
    public void The_most_urgent_finding_sets_the_urgency_and_comes_first()
    {
        var result = RedFlagScreen.Assess([RedFlagSign.OnsetBeforeAge45, RedFlagSign.Fever, RedFlagSign.SaddleNumbness]);

        Assert.Equal(Urgency.Emergency, result.Urgency);
        Assert.Equal(
            [RedFlagCategory.PossibleCaudaEquina, RedFlagCategory.PossibleInfection, RedFlagCategory.PossibleInflammatoryDisease],
            result.Findings.Select(f => f.Category));
    }

    [Fact]
    public void An_undefined_sign_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RedFlagScreen.Assess([(RedFlagSign)999]));
    }

    [Fact]
    public void Every_sign_belongs_to_exactly_one_category_of_the_form()
    {
        var listed = RedFlagScreen.SignsByCategory.Values.SelectMany(s => s).ToList();

        Assert.Equal(Enum.GetValues<RedFlagSign>().Order(), listed.Order());
    }

    [Fact]
    public void Urgency_is_always_the_maximum_of_the_findings_and_never_lower_than_any_cauda_equina_sign()
    {
        var signs = Gen.Enum<RedFlagSign>().HashSet[0, 16];
        signs.Sample(set =>
        {
            var result = RedFlagScreen.Assess(set);
            var expected = result.Findings.Count == 0 ? Urgency.Routine : result.Findings.Max(f => f.Urgency);
            var caudaEquina = set.Overlaps(RedFlagScreen.SignsByCategory[RedFlagCategory.PossibleCaudaEquina]);
            return result.Urgency == expected && (!caudaEquina || result.IsEmergency);
        });
    }
}
