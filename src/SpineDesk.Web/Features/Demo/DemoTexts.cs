using Bogus;
using SpineDesk.Clinical.RedFlags;

namespace SpineDesk.Web.Features.Demo;

/// <summary>
/// What the fictional people write and what the fictional coordinators note, from small sets of templates
/// written for SpineDesk. Nothing here is a real person's message.
/// </summary>
internal static class DemoTexts
{
    // Placeholders: {duration} follows "for"; {when} follows "when"; {activity} is an -ing phrase; {tried} a treatment.
    private static readonly string[] EnglishMessages =
    [
        "I've had lower back pain for {duration}. It's worst when {when}. I tried {tried} but it only helped for a while.",
        "Pain in my lower back for {duration}, mostly on the {side} side. I would like to know what my options are.",
        "My doctor told me I have a worn disc at L4-L5. I've tried {tried} and I'm still sore most days. Could I be considered for the cell-based treatment?",
        "Back pain for {duration} that makes {activity} hard. I'd like to talk to someone about treatment.",
        "I had an MRI that showed a couple of bulging discs. It hurts more when {when}. I'm looking for a second opinion.",
        "Lower back ache that comes and goes, for {duration} now. {Tried} helped a little. Can someone call me?",
        "Please call me about an appointment. My back has been hurting for {duration}.",
        "I read the pages about regenerative injections and want to understand if they would make sense for me. I have tried {tried}.",
        "Stiff, aching lower back, worse when {when}. I've tried {tried} without much change.",
        "The pain in my lower back sometimes goes into my {side} buttock. It has been like this for {duration}.",
    ];

    // Placeholders: {duration} follows "desde hace"/"llevo"; {trigger} an infinitive after "al"; {limit} after "no me deja".
    private static readonly string[] SpanishMessages =
    [
        "Tengo dolor en la parte baja de la espalda desde hace {duration}. Me duele más al {trigger}. Probé {tried}, pero no me ayudó mucho.",
        "Quisiera hablar con alguien sobre opciones de tratamiento. Llevo {duration} con dolor de espalda baja.",
        "Mi médico dice que tengo un disco desgastado. Ya probé {tried}. ¿Me pueden llamar, por favor?",
        "El dolor de la espalda baja no me deja {limit}. Prefiero que me llamen en español.",
        "Me gustaría información sobre las inyecciones con células. Tengo dolor lumbar desde hace {duration}.",
        "Me duele la espalda baja, sobre todo del lado {side}, desde hace {duration}.",
    ];

    private static readonly string[] EnglishDurations = ["about three months", "over a year", "two years", "six weeks", "most of the last ten years", "eight months"];
    private static readonly string[] EnglishWhen = ["I sit at my desk", "I bend to pick things up", "I drive", "I stand for a long time", "I get out of bed", "I walk more than a few blocks"];
    private static readonly string[] EnglishActivities = ["sitting at work", "driving", "sleeping through the night", "walking the dog", "lifting my kids", "gardening"];
    private static readonly string[] EnglishTried = ["physical therapy", "ibuprofen", "a chiropractor", "a steroid injection", "stretching at home", "massage"];
    private static readonly string[] SpanishDurations = ["tres meses", "más de un año", "dos años", "seis semanas", "varios años"];
    private static readonly string[] SpanishTriggers = ["estar sentado mucho tiempo", "levantarme de la cama", "manejar", "agacharme", "caminar"];
    private static readonly string[] SpanishLimits = ["dormir bien", "trabajar", "caminar mucho", "cargar a mis hijos"];
    private static readonly string[] SpanishTried = ["fisioterapia", "ibuprofeno", "un quiropráctico", "una inyección de esteroides", "masajes"];

    /// <summary>A sentence a person might add for some of the signs they ticked.</summary>
    private static readonly Dictionary<RedFlagSign, (string English, string Spanish)> SignSentences = new()
    {
        [RedFlagSign.SciaticaBothLegs] = ("Now the pain runs down both legs.", "Ahora el dolor baja por las dos piernas."),
        [RedFlagSign.SaddleNumbness] = ("Since yesterday it feels numb between my legs.", "Desde ayer siento adormecido entre las piernas."),
        [RedFlagSign.NewBladderOrBowelProblem] = ("I'm also having trouble passing urine.", "También me cuesta orinar."),
        [RedFlagSign.RapidlyWorseningLegWeakness] = ("My legs feel weaker every day.", "Siento las piernas más débiles cada día."),
        [RedFlagSign.Fever] = ("I've had a fever this week as well.", "Esta semana también tuve fiebre."),
        [RedFlagSign.Osteoporosis] = ("I have osteoporosis.", "Tengo osteoporosis."),
        [RedFlagSign.SignificantTrauma] = ("It started after I fell off a ladder.", "Empezó después de caerme de una escalera."),
        [RedFlagSign.ConstantNightPain] = ("The pain doesn't ease at night.", "El dolor no se calma por la noche."),
        [RedFlagSign.CancerHistoryWithNewBackPain] = ("I had cancer treatment a few years ago.", "Hace unos años recibí tratamiento para el cáncer."),
        [RedFlagSign.MorningStiffnessImprovingWithExercise] = ("I'm very stiff in the mornings until I get moving.", "Por las mañanas tengo mucha rigidez hasta que me muevo."),
    };

    /// <summary>A message in the person's language, or null for the few who leave the box empty.</summary>
    public static string? Message(Randomizer random, bool spanish, IReadOnlyList<RedFlagSign> signs)
    {
        var extra = signs.Where(SignSentences.ContainsKey).Select(s => spanish ? SignSentences[s].Spanish : SignSentences[s].English).ToList();
        if (extra.Count == 0 && random.Bool(0.1f))
        {
            return null;
        }

        var text = spanish
            ? random.ArrayElement(SpanishMessages)
                .Replace("{duration}", random.ArrayElement(SpanishDurations), StringComparison.Ordinal)
                .Replace("{trigger}", random.ArrayElement(SpanishTriggers), StringComparison.Ordinal)
                .Replace("{limit}", random.ArrayElement(SpanishLimits), StringComparison.Ordinal)
                .Replace("{tried}", random.ArrayElement(SpanishTried), StringComparison.Ordinal)
                .Replace("{side}", random.Bool() ? "izquierdo" : "derecho", StringComparison.Ordinal)
            : Capitalized(random.ArrayElement(EnglishMessages)
                .Replace("{duration}", random.ArrayElement(EnglishDurations), StringComparison.Ordinal)
                .Replace("{when}", random.ArrayElement(EnglishWhen), StringComparison.Ordinal)
                .Replace("{activity}", random.ArrayElement(EnglishActivities), StringComparison.Ordinal)
                .Replace("{Tried}", "{tried}", StringComparison.Ordinal)
                .Replace("{tried}", random.ArrayElement(EnglishTried), StringComparison.Ordinal)
                .Replace("{side}", random.Bool() ? "left" : "right", StringComparison.Ordinal));
        return extra.Count == 0 ? text : text + " " + string.Join(' ', extra);
    }

    private static string Capitalized(string text)
    {
        // Sentences that begin with a placeholder ("{Tried} helped…") start lower case after substitution.
        var sentences = text.Split(". ");
        return string.Join(". ", sentences.Select(s => s.Length > 0 ? char.ToUpperInvariant(s[0]) + s[1..] : s));
    }

    public static string NoAnswer(Randomizer random) =>
        random.ArrayElement(["No answer.", "Rang out; no voicemail set up.", "No answer. Will try a different time of day."]);

    public static string Voicemail(Randomizer random) =>
        random.ArrayElement(["Left a voicemail with the coordinators' number and the reference.", "Voicemail left asking them to call us back."]);

    public static string MessageSent(bool email) =>
        email ? "Emailed asking for a good time to call." : "Sent a text asking for a good time to call.";

    public const string WrongNumber = "The person who answered did not know them; the number may have been mistyped.";

    public const string CallBackLater = "Reached them at work; asked us to call back another day.";

    public static string ConsultationBooked(Randomizer random) =>
        random.ArrayElement([
            "Talked through their history; consultation booked.",
            "Spoke with them; consultation booked. Asked them to bring any imaging reports.",
            "Reached; booked a consultation and sent directions to the clinic.",
        ]);

    public const string Rebooked = "Missed the consultation; reached them and booked a new one.";

    public static string Declined(Randomizer random) =>
        random.ArrayElement([
            "Reached; they want to continue with physical therapy for now.",
            "Reached; decided not to go ahead because of the travel distance.",
        ]);

    public static string Referred(Randomizer random) =>
        random.ArrayElement([
            "Reached; the pain is mainly in the neck. Suggested their primary care doctor.",
            "Reached; referred to a pain service closer to home.",
        ]);

    public const string EmergencyAdvice = "Reached; symptoms match the emergency advice. Told them to go to the emergency department now; they agreed to go.";

    public static string InSpanish(string note) => "In Spanish. " + note;
}
