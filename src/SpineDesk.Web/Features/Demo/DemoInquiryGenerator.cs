using System.Globalization;
using System.Text;
using Bogus;
using SpineDesk.Clinical.RedFlags;
using SpineDesk.Data.Intake;
using SpineDesk.Web.Features.Intake;

namespace SpineDesk.Web.Features.Demo;

/// <summary>
/// Makes fictional inquiries received over the last three weeks (or a chosen number of days): who wrote, what they reported, and (through
/// <see cref="DemoInquiryHistory"/>) what the clinic has done since. The same seed and the same "now" give the
/// same people and histories; the seed belongs to this generator, not to Bogus's global one, so two seedings
/// running at once cannot disturb each other.
/// </summary>
internal sealed class DemoInquiryGenerator
{
    private const int DefaultDays = 21;

    /// <summary>Real US area codes; with the 555-0100…0199 numbers reserved for fiction they never ring anyone.</summary>
    private static readonly int[] AreaCodes =
    [
        201, 202, 205, 206, 212, 213, 214, 215, 301, 303, 305, 310, 312, 313, 314, 404, 407, 410, 412, 415,
        503, 512, 602, 614, 615, 617, 646, 702, 704, 713, 718, 720, 773, 786, 813, 832, 904, 919, 954, 956,
    ];

    /// <summary>Sign sets that the screen rates as an emergency.</summary>
    private static readonly RedFlagSign[][] EmergencySigns =
    [
        [RedFlagSign.SaddleNumbness],
        [RedFlagSign.NewBladderOrBowelProblem, RedFlagSign.SaddleNumbness],
        [RedFlagSign.SciaticaBothLegs],
        [RedFlagSign.RapidlyWorseningLegWeakness, RedFlagSign.NeurologicalSymptoms],
        [RedFlagSign.CancerHistoryWithNewBackPain, RedFlagSign.NeurologicalSymptoms],
    ];

    /// <summary>Sign sets that the screen rates as urgent.</summary>
    private static readonly RedFlagSign[][] UrgentSigns =
    [
        [RedFlagSign.Osteoporosis],
        [RedFlagSign.SignificantTrauma],
        [RedFlagSign.LongTermSteroidUse, RedFlagSign.Osteoporosis],
        [RedFlagSign.Fever],
        [RedFlagSign.Fever, RedFlagSign.ImmuneSuppression],
        [RedFlagSign.ImmuneSuppression],
        [RedFlagSign.IntravenousDrugUse],
        [RedFlagSign.CancerHistoryWithNewBackPain],
        [RedFlagSign.UnexplainedWeightLoss, RedFlagSign.ConstantNightPain],
        [RedFlagSign.ConstantNightPain],
    ];

    /// <summary>Sign sets that stay routine (a note for the clinician, or leg symptoms without other flags).</summary>
    private static readonly RedFlagSign[][] RoutineSigns =
    [
        [RedFlagSign.MorningStiffnessImprovingWithExercise, RedFlagSign.OnsetBeforeAge45],
        [RedFlagSign.OnsetBeforeAge45],
        [RedFlagSign.MorningStiffnessImprovingWithExercise],
        [RedFlagSign.NeurologicalSymptoms],
    ];

    private readonly Randomizer _random;
    private readonly Faker _english;
    private readonly Faker _spanish;
    private readonly DateTime _now;
    private readonly DemoTeam _team;
    private readonly PhoneNumberReader _phones;
    private readonly TimeZoneInfo _zone;
    private readonly int _days;

    /// <summary>A generator of inquiries received over the last <paramref name="days"/> days (three weeks for the demo; two years at scale).</summary>
    public DemoInquiryGenerator(int seed, DateTime now, DemoTeam team, PhoneNumberReader phones, TimeZoneInfo zone, int days = DefaultDays)
    {
        _days = days;
        _random = new Randomizer(seed);
        _english = new Faker("en_US") { Random = new Randomizer(unchecked(seed * 31 + 1)) };
        _spanish = new Faker("es_MX") { Random = new Randomizer(unchecked(seed * 31 + 2)) };
        _now = now;
        _team = team;
        _phones = phones;
        _zone = zone;
    }

    public List<Inquiry> Create(int count)
    {
        var signs = RedFlagMix(count);
        var received = ReceivedTimes(count);

        // The newest inquiry has only just arrived and nobody has acted on it yet. It carries an emergency when
        // there is one, so the demo queue opens with an open emergency at the top.
        var emergencyIndex = signs.FindIndex(s => RedFlagScreen.Assess(s).IsEmergency);
        if (emergencyIndex >= 0)
        {
            (signs[emergencyIndex], signs[^1]) = (signs[^1], signs[emergencyIndex]);
        }

        var inquiries = new List<Inquiry>(count);
        var references = new HashSet<string>();
        for (var i = 0; i < count; i++)
        {
            // About one in fifty is the same person writing again; a coordinator closes it as a duplicate.
            var duplicateOf = i > 0 && signs[i].Length == 0 && _random.Bool(0.02f) ? inquiries[_random.Number(0, i - 1)] : null;
            var inquiry = NewInquiry(received[i], signs[i], duplicateOf, references);
            if (i < count - 1)
            {
                new DemoInquiryHistory(inquiry, _now, _team, _random).Play(duplicateOf is not null);
            }

            inquiries.Add(inquiry);
        }

        return inquiries;
    }

    private Inquiry NewInquiry(DateTime receivedAt, RedFlagSign[] signs, Inquiry? duplicateOf, HashSet<string> references)
    {
        var spanish = duplicateOf?.Language == "es" || duplicateOf is null && _random.Bool(0.15f);
        var faker = spanish ? _spanish : _english;
        var first = duplicateOf?.Name.Split(' ')[0] ?? faker.Name.FirstName();
        var last = faker.Name.LastName();
        var name = duplicateOf?.Name ?? (spanish && _random.Bool(0.5f) ? $"{first} {last} {faker.Name.LastName()}" : $"{first} {last}");
        var email = duplicateOf is not null ? duplicateOf.Email : _random.Bool(0.65f) ? Email(first, last) : null;
        string reference;
        do
        {
            reference = ReferenceNumbers.New();
        }
        while (!references.Add(reference));

        return new Inquiry
        {
            ReferenceNumber = reference,
            ReceivedAt = receivedAt,
            Name = name,
            Phone = duplicateOf?.Phone ?? Phone(),
            Email = email,
            PreferredContactMethod = email is not null && _random.Bool(0.15f) ? ContactMethod.Email
                : _random.Bool(0.2f) ? ContactMethod.TextMessage : ContactMethod.Phone,
            PreferredContactTime = _random.WeightedRandom(
                [ContactTime.Anytime, ContactTime.Morning, ContactTime.Afternoon, ContactTime.Evening], [0.35f, 0.25f, 0.2f, 0.2f]),
            Language = spanish ? "es" : "en",
            ConsentToContact = true,
            Message = DemoTexts.Message(_random, spanish, signs),
            RedFlags = [.. signs],
            Urgency = RedFlagScreen.Assess(signs).Urgency,
        };
    }

    /// <summary>Mostly no flags; about 9% urgent; 1.5% emergency (at least one in any demo of ten or more).</summary>
    private List<RedFlagSign[]> RedFlagMix(int count)
    {
        var emergencies = count >= 10 ? Math.Max(1, (int)Math.Round(count * 0.015)) : 0;
        var urgent = (int)Math.Round(count * 0.09);
        var routineWithSigns = (int)Math.Round(count * 0.08);
        var mix = new List<RedFlagSign[]>(count);
        mix.AddRange(Enumerable.Range(0, emergencies).Select(_ => _random.ArrayElement(EmergencySigns)));
        mix.AddRange(Enumerable.Range(0, urgent).Select(_ => _random.ArrayElement(UrgentSigns)));
        mix.AddRange(Enumerable.Range(0, routineWithSigns).Select(_ => _random.ArrayElement(RoutineSigns)));
        mix.AddRange(Enumerable.Range(0, count - mix.Count).Select(_ => Array.Empty<RedFlagSign>()));
        return [.. _random.Shuffle(mix).Select(s => s.Order().ToArray())];
    }

    /// <summary>
    /// Times over the last three weeks, oldest first, mostly in waking hours at the clinic, fewer at weekends;
    /// the newest a few minutes ago.
    /// </summary>
    private List<DateTime> ReceivedTimes(int count)
    {
        var today = TimeZoneInfo.ConvertTimeFromUtc(_now, _zone).Date;
        var hours = Enumerable.Range(6, 18).ToArray();
        float[] hourWeights = [1, 3, 5, 5, 4, 3, 4, 3, 3, 3, 3, 4, 5, 5, 4, 3, 2, 1];
        var times = new List<DateTime>(count);
        while (times.Count < count - 1)
        {
            var day = today.AddDays(-_random.Number(0, _days - 1));
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && _random.Bool(0.4f))
            {
                continue;
            }

            var local = day.AddHours(_random.WeightedRandom(hours, hourWeights)).AddMinutes(_random.Number(0, 59)).AddSeconds(_random.Number(0, 59));
            var utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), _zone);
            if (utc < _now.AddMinutes(-60) && !_zone.IsInvalidTime(local))
            {
                times.Add(utc);
            }
        }

        times.Sort();
        times.Add(_now.AddMinutes(-_random.Number(4, 15)));
        return times;
    }

    private string Phone()
    {
        // Written with the country code so that it reads the same whatever Clinic:DefaultPhoneRegion is.
        var written = string.Create(CultureInfo.InvariantCulture, $"+1 ({_random.ArrayElement(AreaCodes)}) 555-01{_random.Number(0, 99):00}");
        return _phones.Normalize(written).E164
            ?? throw new InvalidOperationException($"The demo phone number {written} was not accepted by the phone number reader.");
    }

    private string Email(string first, string last)
    {
        var f = Ascii(first);
        var l = Ascii(last);
        var local = _random.Number(0, 3) switch
        {
            0 => $"{f}.{l}",
            1 => $"{f}{l}{_random.Number(1, 99)}",
            2 => $"{f[0]}{l}",
            _ => $"{l}.{f}",
        };
        return $"{local}@{(_random.Bool() ? "example.com" : "example.org")}";
    }

    /// <summary>Lower-case letters only: "José Núñez" gives "jose" and "nunez".</summary>
    private static string Ascii(string name)
    {
        var letters = name.Normalize(NormalizationForm.FormD)
            .Where(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z')
            .Select(char.ToLowerInvariant)
            .ToArray();
        return letters.Length == 0 ? "patient" : new string(letters);
    }
}
