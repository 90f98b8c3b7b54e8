using System.Net;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Data.Patients;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Features.Consultations;
using SpineDesk.Web.Features.Patients;
using SpineDesk.Web.Tests.Features.Consultations;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Patients;

/// <summary>A person becomes a patient when a consultation is scheduled (DESIGN §4.5), in the booking's own save.</summary>
public abstract class PatientOnBookingTests(TestDatabaseKind kind) : ConsultationTest(kind)
{
    private Task<List<Patient>> PatientsAsync() => App.WithDbAsync(db => db.Patients.AsNoTracking().OrderBy(p => p.Id).ToListAsync());

    private Task<int?> PatientIdOfAsync(int inquiryId) =>
        App.WithDbAsync(db => db.Inquiries.Where(i => i.Id == inquiryId).Select(i => i.PatientId).SingleAsync());

    private static Task<HttpResponseMessage> BookAsync(HttpClient client, int inquiryId, string clinicianId, DateTime startUtc, DateOnly day) =>
        client.SubmitFormAsync(BookUrl(inquiryId, clinicianId, day), [("Slot", BookableSlot.FormatKey(startUtc)), ("Mode", "InPerson")], "#book-form");

    [Fact]
    public async Task Booking_a_consultation_registers_the_person_as_a_patient()
    {
        var clinician = await AddClinicianAsync();
        var inquiry = await AddContactingInquiryAsync("Ada Byron");
        var (coordinator, me) = await App.SignedInAsync(StaffRoles.Coordinator);
        var day = Today.AddDays(2);

        var response = await BookAsync(coordinator, inquiry, clinician.Id, Utc(day, 10), day);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var patient = Assert.Single(await PatientsAsync());
        var booked = await coordinator.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains($"Registered as patient {patient.PatientNumber}.", booked.QuerySelector(".alert-success")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(("Ada Byron", "+12125550143", "patient@example.com", me.Id, Now), (patient.Name, patient.Phone, patient.Email, patient.CreatedById, patient.CreatedAt));
        Assert.Equal(patient.Id, await PatientIdOfAsync(inquiry));
        Assert.Equal(1, await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == PatientRegistry.CreateAction && a.EntityId == patient.PatientNumber)));
        var page = await coordinator.GetDocumentAsync($"/staff/inquiries/{inquiry}");
        Assert.Equal(patient.PatientNumber, page.QuerySelector("#patient-link")!.TextContent);
    }

    [Fact]
    public async Task Booking_for_someone_already_a_patient_by_phone_links_to_that_patient_and_a_refused_booking_registers_nobody()
    {
        var clinician = await AddClinicianAsync();
        var first = await AddContactingInquiryAsync("Ada Byron");
        var second = await AddContactingInquiryAsync("Ada Byron");
        var third = await AddContactingInquiryAsync("Ada Byron");
        var (coordinator, _) = await App.SignedInAsync(StaffRoles.Coordinator);
        var day = Today.AddDays(2);
        Assert.Equal(HttpStatusCode.Redirect, (await BookAsync(coordinator, first, clinician.Id, Utc(day, 10), day)).StatusCode);
        var patient = Assert.Single(await PatientsAsync());

        var response = await BookAsync(coordinator, second, clinician.Id, Utc(day, 11), day);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var booked = await coordinator.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains($"Linked to the existing patient {patient.PatientNumber} (same phone and email)", booked.QuerySelector(".alert-success")!.TextContent, StringComparison.Ordinal);
        // The same slot again: refused, and with it the registration it would have made.
        Assert.Equal(HttpStatusCode.Conflict, (await BookAsync(coordinator, third, clinician.Id, Utc(day, 11), day)).StatusCode);

        Assert.Single(await PatientsAsync());
        Assert.Equal(patient.Id, await PatientIdOfAsync(second));
        Assert.Null(await PatientIdOfAsync(third));
    }
}

public sealed class PatientOnBookingOnSqlite() : PatientOnBookingTests(TestDatabaseKind.Sqlite);

public sealed class PatientOnBookingOnPostgres() : PatientOnBookingTests(TestDatabaseKind.Postgres);
