using SpineDesk.Clinical.RedFlags;

namespace SpineDesk.Web.Features.Intake;

/// <summary>The red-flag screen in SpineDesk's own plain words, grouped as the form shows it.</summary>
public static class RedFlagQuestions
{
    public sealed record Group(string Legend, IReadOnlyList<(RedFlagSign Sign, string Text)> Questions);

    public static IReadOnlyList<Group> Groups { get; } =
    [
        new("Bladder, bowel and leg symptoms",
        [
            (RedFlagSign.NewBladderOrBowelProblem, "New trouble passing urine, or losing control of your bladder or bowels"),
            (RedFlagSign.SaddleNumbness, "Numbness or tingling between your legs, around your genitals or back passage"),
            (RedFlagSign.SciaticaBothLegs, "Pain running down both legs at the same time"),
            (RedFlagSign.RapidlyWorseningLegWeakness, "Weakness in your legs that is getting worse quickly"),
            (RedFlagSign.NeurologicalSymptoms, "New numbness, pins and needles or weakness in a leg"),
        ]),
        new("Your general health",
        [
            (RedFlagSign.CancerHistoryWithNewBackPain, "You have had cancer and this back pain is new"),
            (RedFlagSign.UnexplainedWeightLoss, "You have lost weight without trying"),
            (RedFlagSign.ConstantNightPain, "The pain is there all night and does not ease when you rest or move"),
            (RedFlagSign.Fever, "You have a fever, or feel hot and shivery, as well as back pain"),
            (RedFlagSign.IntravenousDrugUse, "You inject drugs into a vein, now or recently"),
            (RedFlagSign.ImmuneSuppression, "Your immune system is weakened by an illness or by medicines"),
        ]),
        new("Bones and injuries",
        [
            (RedFlagSign.SignificantTrauma, "The pain started after a serious injury, such as a fall from a height or a road accident"),
            (RedFlagSign.Osteoporosis, "You have been told you have osteoporosis (thin bones)"),
            (RedFlagSign.LongTermSteroidUse, "You have taken steroid tablets for a long time"),
        ]),
        new("Stiffness",
        [
            (RedFlagSign.MorningStiffnessImprovingWithExercise, "Your back is stiff for more than 30 minutes in the morning and gets better with movement"),
            (RedFlagSign.OnsetBeforeAge45, "Your back pain started before you were 45"),
        ]),
    ];

    public static string TextFor(RedFlagSign sign) =>
        Groups.SelectMany(g => g.Questions).First(q => q.Sign == sign).Text;
}
