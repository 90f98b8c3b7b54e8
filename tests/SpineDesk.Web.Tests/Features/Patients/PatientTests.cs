using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SpineDesk.Data.Intake;
using SpineDesk.Data.Patients;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Features.Patients;
using SpineDesk.Web.Tests.Features.Intake;
using SpineDesk.Web.Tests.Features.Queue;
using SpineDesk.Web.Tests.Features.Search;
using SpineDesk.Web.Tests.Features.Staff;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Patients;

/// <summary>The patient record: registered from an inquiry, found again by phone or email, one history, its own notes.</summary>
public abstract class PatientTests(TestDatabaseKind kind) : InquiryTest(kind)
{
    private const string AdaPhone = "+12125550101";

    private FakeTimeProvider Time => (FakeTimeProvider)App.Services.GetRequiredService<TimeProvider>();

    private static string RegisterUrl(int inquiryId) => $"/staff/inquiries/{inquiryId}/patient";

    private static string PatientUrl(int patientId) => $"/staff/patients/{patientId}";

    private Task<Inquiry> AddAsync(string phone = AdaPhone, string? email = "ada@example.com", double hoursAgo = 2) =>
        App.AddPersonAsync("Ada Byron", phone, email, receivedAt: Now.AddHours(-hoursAgo));

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient client, int inquiryId, string dateOfBirth = "") =>
        client.SubmitFormAsync(RegisterUrl(inquiryId), [("DateOfBirth", dateOfBirth)], "form#register-form");

    private Task<List<Patient>> PatientsAsync() => App.WithDbAsync(db => db.Patients.AsNoTracking().OrderBy(p => p.Id).ToListAsync());

    private Task<int?> PatientIdOfAsync(int inquiryId) =>
        App.WithDbAsync(db => db.Inquiries.Where(i => i.Id == inquiryId).Select(i => i.PatientId).SingleAsync());

    [Fact]
    public async Task Registering_from_the_inquiry_makes_a_patient_linked_to_it_audited_and_shown()
    {
        var inquiry = await AddAsync();
        var (client, me) = await App.SignedInAsync(StaffRoles.Coordinator);
        var inquiryPage = await client.GetDocumentAsync(Url(inquiry.Id));
        Assert.Equal(RegisterUrl(inquiry.Id), inquiryPage.QuerySelector("#register-link")!.GetAttribute("href"));

        var inquiryPageForm = await client.GetDocumentAsync(RegisterUrl(inquiry.Id));
        var response = await RegisterAsync(client, inquiry.Id, "1971-03-27");

        var patient = Assert.Single(await PatientsAsync());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(PatientUrl(patient.Id), response.LocationPath());
        Assert.Matches("^PT-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", patient.PatientNumber);
        Assert.Equal(
            ("Ada Byron", AdaPhone, "ada@example.com", "ada@example.com", new DateOnly(1971, 3, 27), me.Id, Now),
            (patient.Name, patient.Phone, patient.Email, patient.EmailKey, patient.DateOfBirth, patient.CreatedById, patient.CreatedAt));
        Assert.Equal(patient.Id, await PatientIdOfAsync(inquiry.Id));
        var created = Assert.Single(await AuditAsync(PatientRegistry.CreateAction));
        Assert.Equal(("Patient", patient.PatientNumber, me.Id), (created.EntityType, created.EntityId, created.UserId));
        var linked = Assert.Single(await AuditAsync(PatientRegistry.LinkAction));
        Assert.Equal(("Inquiry", inquiry.Id.ToString(CultureInfo.InvariantCulture)), (linked.EntityType, linked.EntityId));

        var page = await client.GetDocumentAsync(PatientUrl(patient.Id));
        Assert.Equal($"Registered as patient {patient.PatientNumber}.", page.QuerySelector(".alert-success")!.TextContent.Trim());
        Assert.Equal(patient.PatientNumber, page.QuerySelector("#patient-number")!.TextContent);
        Assert.Equal("27 March 1971", page.QuerySelector("#details time")!.TextContent);
        Assert.Equal(inquiry.ReferenceNumber, page.QuerySelector($"#patient-inquiries a[href='/staff/inquiries/{inquiry.Id}']")!.TextContent);
        var view = Assert.Single(await AuditAsync("patient.view"));
        Assert.Equal(("Patient", patient.PatientNumber, me.Id), (view.EntityType, view.EntityId, view.UserId));

        inquiryPage = await client.GetDocumentAsync(Url(inquiry.Id));
        Assert.Equal(patient.PatientNumber, inquiryPage.QuerySelector("#patient-link")!.TextContent);
        Assert.Null(inquiryPage.QuerySelector("#register-link"));
        var again = await client.GetDocumentAsync(RegisterUrl(inquiry.Id));
        Assert.NotNull(again.QuerySelector($"#already-patient a[href='{PatientUrl(patient.Id)}']"));
        Assert.Null(again.QuerySelector("form#register-form"));

        // A form still open from before the registration changes nothing and shows the patient.
        var stale = await client.SubmitFormAsync(inquiryPageForm, [], "form#register-form", RegisterUrl(inquiry.Id));
        Assert.Equal(PatientUrl(patient.Id), stale.LocationPath());
        Assert.Single(await PatientsAsync());
        Assert.Single(await AuditAsync(PatientRegistry.LinkAction));
    }

    [Theory]
    [InlineData("+12125550101", "other@example.com", "same phone")]
    [InlineData("+12125550199", "ADA@Example.com", "same email")]
    public async Task A_second_inquiry_with_the_same_phone_or_email_is_linked_to_the_existing_patient(string phone, string email, string match)
    {
        var first = await AddAsync();
        var second = await AddAsync(phone, email, hoursAgo: 1);
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);
        Assert.Equal(HttpStatusCode.Redirect, (await RegisterAsync(client, first.Id)).StatusCode);
        var patient = Assert.Single(await PatientsAsync());

        var page = await client.GetDocumentAsync(RegisterUrl(second.Id));
        var notice = page.QuerySelector("#existing-patient")!;
        Assert.Contains($"has the {match}", notice.TextContent, StringComparison.Ordinal);
        Assert.NotNull(notice.QuerySelector($"a[href='{PatientUrl(patient.Id)}']"));
        Assert.Equal("Link to this patient", page.QuerySelector("form#register-form button")!.TextContent);
        var response = await client.SubmitFormAsync(page, [], "form#register-form", RegisterUrl(second.Id));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(PatientUrl(patient.Id), response.LocationPath());
        Assert.Single(await PatientsAsync());
        Assert.Equal(patient.Id, await PatientIdOfAsync(second.Id));
        var shown = await client.GetDocumentAsync(PatientUrl(patient.Id));
        Assert.Contains($"Linked to the existing patient {patient.PatientNumber} ({match})", shown.QuerySelector(".alert-success")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, shown.QuerySelectorAll("#patient-inquiries tbody tr").Length);
        Assert.Contains(match, (await AuditAsync(PatientRegistry.LinkAction))[^1].Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_registration_form_is_refused_and_makes_no_patient()
    {
        var inquiry = await AddAsync();
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);
        var page = await client.GetDocumentAsync(RegisterUrl(inquiry.Id));
        await App.WithDbAsync(async db =>
        {
            var tracked = await db.Inquiries.SingleAsync(i => i.Id == inquiry.Id);
            tracked.Message = "Changed meanwhile.";
            return await db.SaveChangesAsync();
        });

        var response = await client.SubmitFormAsync(page, [], "form#register-form", RegisterUrl(inquiry.Id));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Someone else changed this inquiry", (await Forms.ParseAsync(response)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await PatientsAsync());
        Assert.Null(await PatientIdOfAsync(inquiry.Id));
    }

    [Theory]
    [InlineData("2999-01-01", "The date of birth is in the future. Check the year.")]
    [InlineData("27/03/1971", "Enter the date of birth as a date, for example 1971-03-27, or leave it empty.")]
    public async Task A_wrong_date_of_birth_is_refused_with_a_field_message(string dateOfBirth, string message)
    {
        var inquiry = await AddAsync();
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);

        var response = await RegisterAsync(client, inquiry.Id, dateOfBirth);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Equal(message, page.QuerySelector("#date-of-birth-error")!.TextContent);
        Assert.Equal(dateOfBirth, page.QuerySelector("#date-of-birth")!.GetAttribute("value"));
        Assert.Empty(await PatientsAsync());
    }

    [Fact]
    public async Task The_patient_timeline_interleaves_notes_and_events_from_two_inquiries_newest_first()
    {
        var first = await AddAsync(hoursAgo: 2);
        var second = await AddAsync(email: null, hoursAgo: 1);
        var (client, me) = await App.SignedInAsync(StaffRoles.Coordinator);
        Assert.Equal(HttpStatusCode.Redirect, (await RegisterAsync(client, first.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await RegisterAsync(client, second.Id)).StatusCode);
        var patient = Assert.Single(await PatientsAsync());

        Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(Url(first.Id), [("Text", "Call after 4pm.")], "form#note-form")).StatusCode);
        Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(Url(second.Id), [("Attempt.Channel", "Phone"), ("Attempt.Outcome", "Reached")], "form#attempt-form")).StatusCode);
        Time.Advance(TimeSpan.FromMinutes(5));
        var patientNoteAt = Now;
        var response = await client.SubmitFormAsync(PatientUrl(patient.Id), [("Text", "Prefers to speak Spanish.\nHas a walker.")], "form#note-form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{PatientUrl(patient.Id)}#history", response.LocationPath());
        Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(Url(second.Id), [("Text", "Sent directions.")], "form#note-form")).StatusCode);

        var page = await client.GetDocumentAsync(PatientUrl(patient.Id));
        var items = page.QuerySelectorAll("ol.timeline > li").Select(li => li.TextContent).ToList();
        string[] expected =
        [
            $"Note by Test Coordinator (inquiry {second.ReferenceNumber})",
            "Note on the patient by Test Coordinator",
            $"Stage: New → Contacting by Test Coordinator (inquiry {second.ReferenceNumber})",
            $"Phone call: Reached by Test Coordinator (inquiry {second.ReferenceNumber})",
            $"Note by Test Coordinator (inquiry {first.ReferenceNumber})",
            $"Registered as patient {patient.PatientNumber} by Test Coordinator",
            $"Inquiry {second.ReferenceNumber} received",
            $"Inquiry {first.ReferenceNumber} received",
        ];
        Assert.Equal(expected.Length, items.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Contains(expected[i], Squeeze(items[i]), StringComparison.Ordinal);
        }

        Assert.Contains("Sent directions.", items[0], StringComparison.Ordinal);
        Assert.Contains("Call after 4pm.", items[4], StringComparison.Ordinal);
        var patientNote = page.QuerySelectorAll("ol.timeline > li")[1];
        Assert.Equal(["Prefers to speak Spanish.", "Has a walker."], patientNote.QuerySelectorAll("p").Select(p => p.TextContent));
        Assert.Equal(ClinicTime(patientNoteAt), patientNote.QuerySelector("time")!.TextContent);

        var stored = await App.WithDbAsync(db => db.Notes.AsNoTracking().SingleAsync(n => n.PatientId == patient.Id));
        Assert.Equal((null, me.Id, patientNoteAt), (stored.InquiryId, stored.StaffUserId, stored.At));
        var audit = Assert.Single(await AuditAsync(PatientAudit.NoteAction));
        Assert.Equal(("Patient", patient.PatientNumber, me.Id), (audit.EntityType, audit.EntityId, audit.UserId));
        Assert.DoesNotContain("Spanish", audit.Details ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("walker", audit.Details ?? "", StringComparison.Ordinal);

        // The inquiry's own history stays its own: no patient notes, no other inquiry.
        var inquiryItems = (await client.GetDocumentAsync(Url(first.Id))).QuerySelectorAll("ol.timeline > li").Select(li => li.TextContent).ToList();
        Assert.DoesNotContain(inquiryItems, t => t.Contains("Spanish", StringComparison.Ordinal) || t.Contains("Sent directions", StringComparison.Ordinal));
    }

    private static string Squeeze(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    public async Task An_empty_patient_note_is_refused_with_a_field_message_and_nothing_is_stored(string text)
    {
        var inquiry = await AddAsync();
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);
        Assert.Equal(HttpStatusCode.Redirect, (await RegisterAsync(client, inquiry.Id)).StatusCode);
        var patient = Assert.Single(await PatientsAsync());

        var response = await client.SubmitFormAsync(PatientUrl(patient.Id), [("Text", text)], "form#note-form");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Equal("Enter the note text.", page.QuerySelector("#note-text-error")!.TextContent);
        Assert.NotNull(page.QuerySelector(".error-summary a[href='#note-text']"));
        Assert.Equal(0, await App.WithDbAsync(db => db.Notes.CountAsync()));
        Assert.Empty(await AuditAsync(PatientAudit.NoteAction));
    }

    [Fact]
    public async Task The_database_keeps_every_note_on_exactly_one_of_an_inquiry_or_a_patient()
    {
        var inquiry = await AddAsync();
        var (client, me) = await App.SignedInAsync(StaffRoles.Coordinator);
        Assert.Equal(HttpStatusCode.Redirect, (await RegisterAsync(client, inquiry.Id)).StatusCode);
        var patient = Assert.Single(await PatientsAsync());

        Task<int> SaveAsync(int? inquiryId, int? patientId) => App.WithDbAsync(db =>
        {
            db.Notes.Add(new Note { InquiryId = inquiryId, PatientId = patientId, At = Now, StaffUserId = me.Id, Text = "x" });
            return db.SaveChangesAsync();
        });

        await Assert.ThrowsAsync<DbUpdateException>(() => SaveAsync(inquiry.Id, patient.Id));
        await Assert.ThrowsAsync<DbUpdateException>(() => SaveAsync(null, null));
        Assert.Equal(1, await SaveAsync(null, patient.Id));
        Assert.Equal(1, await SaveAsync(inquiry.Id, null));
    }

    [Fact]
    public async Task A_new_inquiry_matching_a_patient_is_flagged_at_intake_and_registering_links_it()
    {
        var earlier = await AddAsync();
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);
        Assert.Equal(HttpStatusCode.Redirect, (await RegisterAsync(client, earlier.Id)).StatusCode);
        var patient = Assert.Single(await PatientsAsync());

        var form = ContactRequestTests.ValidForm("(212) 555-0101", "someone.else@example.com");
        Assert.Equal(HttpStatusCode.Redirect, (await App.CreateBrowser().SubmitFormAsync("/contact", form)).StatusCode);

        var arrived = await App.WithDbAsync(db => db.Inquiries.AsNoTracking().OrderByDescending(i => i.Id).FirstAsync());
        Assert.Equal((patient.Id, DuplicateMatch.Phone, (int?)null), (arrived.PossiblePatientId, arrived.PossiblePatientMatch, arrived.PatientId));
        var page = await client.GetDocumentAsync(Url(arrived.Id));
        var notice = page.QuerySelector("#possible-patient")!;
        Assert.Contains($"May already be patient {patient.PatientNumber} (same phone)", notice.TextContent, StringComparison.Ordinal);
        Assert.NotNull(notice.QuerySelector($"a[href='{PatientUrl(patient.Id)}']"));

        Assert.Equal(HttpStatusCode.Redirect, (await RegisterAsync(client, arrived.Id)).StatusCode);
        Assert.Equal(patient.Id, await PatientIdOfAsync(arrived.Id));
        Assert.Single(await PatientsAsync());
    }

    [Fact]
    public async Task Merging_keeps_the_patient_and_search_links_to_it()
    {
        var older = await AddAsync(hoursAgo: 2);
        var newer = await AddAsync(hoursAgo: 1);
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);
        // Only the newer one was registered; the older is kept by the merge and takes the patient over.
        await App.WithDbAsync(async db =>
        {
            var tracked = await db.Inquiries.SingleAsync(i => i.Id == newer.Id);
            tracked.PossibleDuplicateOfId = older.Id;
            tracked.PossibleDuplicateMatch = DuplicateMatch.PhoneAndEmail;
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Redirect, (await RegisterAsync(client, newer.Id)).StatusCode);
        var patient = Assert.Single(await PatientsAsync());

        var mergeUrl = $"/staff/merge/{older.Id}/{newer.Id}";
        var response = await client.SubmitFormAsync(await client.GetDocumentAsync(mergeUrl), [], "form#merge-form", mergeUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(patient.Id, await PatientIdOfAsync(older.Id));
        Assert.Equal(patient.Id, await PatientIdOfAsync(newer.Id));
        var audit = await AuditAsync("inquiry.merge");
        Assert.Contains(audit, a => a.EntityId == older.Id.ToString(CultureInfo.InvariantCulture) && a.Details!.Contains("patient", StringComparison.Ordinal));

        var results = await client.GetDocumentAsync("/staff/search?q=Ada");
        var links = results.QuerySelectorAll("#results a.patient-link").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([PatientUrl(patient.Id), PatientUrl(patient.Id)], links);
    }

    [Theory]
    [InlineData(StaffRoles.Administrator)]
    [InlineData(StaffRoles.Researcher)]
    public async Task Strangers_and_other_roles_cannot_see_a_patient_add_a_note_or_register(string role)
    {
        var inquiry = await AddAsync();
        var (coordinator, _) = await App.SignedInAsync(StaffRoles.Coordinator);
        Assert.Equal(HttpStatusCode.Redirect, (await RegisterAsync(coordinator, inquiry.Id)).StatusCode);
        var patient = Assert.Single(await PatientsAsync());
        var (other, _) = await App.SignedInAsync(role);
        using var stranger = App.CreateBrowser();

        foreach (var (client, expected) in new[] { (stranger, "/staff/sign-in"), (other, "/staff/access-denied") })
        {
            var view = await client.GetAsync(new Uri(PatientUrl(patient.Id), UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, view.StatusCode);
            Assert.Equal(expected, view.LocationPath());
            using var note = new FormUrlEncodedContent([new KeyValuePair<string, string>("Text", "Not allowed.")]);
            var posted = await client.PostAsync(new Uri($"{PatientUrl(patient.Id)}/notes", UriKind.Relative), note);
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            Assert.Equal(expected, posted.LocationPath());
            var register = await client.GetAsync(new Uri(RegisterUrl(inquiry.Id), UriKind.Relative));
            Assert.Equal(expected, register.LocationPath());
        }

        Assert.Equal(0, await App.WithDbAsync(db => db.Notes.CountAsync()));
        Assert.Empty(await AuditAsync("patient.view"));
    }
}

public sealed class PatientsOnSqlite() : PatientTests(TestDatabaseKind.Sqlite);

public sealed class PatientsOnPostgres() : PatientTests(TestDatabaseKind.Postgres);
