using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Clinical;
using SpineDesk.Data.Audit;
using SpineDesk.Data.Staff;
using SpineDesk.Data.Tasks;
using SpineDesk.Web.Tests.Features.Cadence;
using SpineDesk.Web.Tests.Features.Queue;
using SpineDesk.Web.Tests.Features.Staff;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Tasks;

/// <summary>Tasks made by hand: adding, refusing what cannot be kept, marking done, cancelling, reassigning.</summary>
public abstract class TaskTests(TestDatabaseKind kind) : CadenceTest(kind)
{
    private Task<List<StaffTask>> TasksAsync() => App.WithDbAsync(db => db.Tasks.AsNoTracking().OrderBy(t => t.Id).ToListAsync());

    private Task<List<AuditEntry>> AuditAsync(string action) =>
        App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync());

    private static Task<HttpResponseMessage> AddTaskAsync(HttpClient client, int? inquiry, params (string Name, string Value)[] values) =>
        client.SubmitFormAsync(inquiry is null ? "/staff/tasks/new" : $"/staff/tasks/new?inquiry={inquiry}", values, "form#new-task");

    [Fact]
    public async Task A_task_about_a_person_is_kept_shown_on_their_page_and_audited_without_its_words()
    {
        var inquiry = await App.AddInquiryAsync("Rosa Diaz", Urgency.Routine, Now.AddHours(-2));
        var (client, me) = await App.SignedInAsync(StaffRoles.Coordinator);

        var form = await client.GetDocumentAsync($"/staff/tasks/new?inquiry={inquiry}");
        Assert.Contains("Rosa Diaz", form.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("person:" + me.Id, form.QuerySelector("#task-owner option[selected]")!.GetAttribute("value"));
        Assert.True(form.QuerySelector("#task-priority-normal")!.HasAttribute("checked"));

        var due = InputValue(Local(Now).AddHours(1));
        var response = await AddTaskAsync(client, inquiry, ("Form.Title", "Send the MRI request form"), ("Form.Details", "She asked for it by post."), ("Form.Due", due), ("Form.Priority", "High"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/staff/inquiries/{inquiry}#tasks", response.LocationPath());
        var task = Assert.Single(await TasksAsync());
        Assert.Equal(("Send the MRI request form", "She asked for it by post.", inquiry, me.Id, (string?)null), (task.Title, task.Details, task.InquiryId, task.OwnerId, task.OwnerRole));
        Assert.Equal((TaskPriority.High, StaffTaskStatus.Open, Now, me.Id, (string?)null), (task.Priority, task.Status, task.CreatedAt, task.CreatedById, task.Rule));
        Assert.Equal(Utc(DateTime.ParseExact(due, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)), task.DueAt);

        var page = await client.GetDocumentAsync(Url(inquiry));
        Assert.Equal("Task added.", page.QuerySelector(".alert-success")!.TextContent.Trim());
        var listed = Assert.Single(page.QuerySelectorAll("#person-tasks > li"));
        Assert.Contains("Send the MRI request form", listed.TextContent, StringComparison.Ordinal);
        Assert.Contains("High", listed.TextContent, StringComparison.Ordinal);

        var audit = Assert.Single(await AuditAsync("task.create"));
        Assert.Equal((me.Id, "Task", task.Id.ToString(CultureInfo.InvariantCulture)), (audit.UserId, audit.EntityType, audit.EntityId));
        Assert.Contains($"Inquiry {inquiry}", audit.Details, StringComparison.Ordinal);
        Assert.DoesNotContain("MRI", audit.Details ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("post", audit.Details ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_task_about_a_patient_is_on_their_record_beside_the_tasks_about_their_inquiries()
    {
        var inquiry = await App.AddInquiryAsync("Rosa Diaz", Urgency.Routine, Now.AddHours(-2));
        var (client, me) = await App.SignedInAsync(StaffRoles.Coordinator);
        var patient = await App.WithDbAsync(async db =>
        {
            var record = new SpineDesk.Data.Patients.Patient { PatientNumber = "PT-TEST-0001", Name = "Rosa Diaz", Phone = "+12125550143", CreatedAt = Now, CreatedById = me.Id };
            db.Patients.Add(record);
            await db.SaveChangesAsync();
            var person = await db.Inquiries.SingleAsync(i => i.Id == inquiry);
            person.PatientId = record.Id;
            await db.SaveChangesAsync();
            return record.Id;
        });
        var due = InputValue(Local(Now).AddHours(1));
        await AddTaskAsync(client, inquiry, ("Form.Title", "Send the MRI request form"), ("Form.Due", due));

        var form = await client.GetDocumentAsync($"/staff/tasks/new?patient={patient}");
        Assert.Contains("patient PT-TEST-0001", form.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var response = await client.SubmitFormAsync($"/staff/tasks/new?patient={patient}", [("Form.Title", "Check the consent forms are signed"), ("Form.Due", due)], "form#new-task");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/staff/patients/{patient}#tasks", response.LocationPath());
        var tasks = await TasksAsync();
        Assert.Equal([(inquiry, (int?)null), (null, patient)], tasks.Select(t => (t.InquiryId, t.PatientId)));
        var record = await client.GetDocumentAsync($"/staff/patients/{patient}");
        var listed = record.QuerySelectorAll("#person-tasks > li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, listed.Count);
        Assert.Contains(listed, text => text.Contains("Check the consent forms are signed", StringComparison.Ordinal));
        Assert.Contains(listed, text => text.Contains("Send the MRI request form", StringComparison.Ordinal) && text.Contains("about inquiry", StringComparison.Ordinal));
        var audit = (await AuditAsync("task.create")).Last();
        Assert.Contains($"Patient {patient}", audit.Details, StringComparison.Ordinal);
        var task = await client.GetDocumentAsync($"/staff/tasks/{tasks[1].Id}");
        Assert.Equal($"/staff/patients/{patient}", task.QuerySelector("dl.details dd a")!.GetAttribute("href"));

        // The database keeps a task to one subject.
        await Assert.ThrowsAsync<DbUpdateException>(() => App.WithDbAsync(db =>
        {
            db.Tasks.Add(new StaffTask { Title = "x", InquiryId = inquiry, PatientId = patient, OwnerId = me.Id, DueAt = Now, CreatedAt = Now, CreatedById = me.Id });
            return db.SaveChangesAsync();
        }));
    }

    [Theory]
    [InlineData("", "2030-01-01T09:00", "person:ME", "Normal", "task-title", "Say in a few words what needs doing.")]
    [InlineData("Call", "", "person:ME", "Normal", "task-due", "Enter when the task is due.")]
    [InlineData("Call", "next tuesday", "person:ME", "Normal", "task-due", "Enter the date and time like 2026-11-24 14:30.")]
    [InlineData("Call", "2020-01-01T09:00", "person:ME", "Normal", "task-due", "That time has passed. Choose when the task is due from now on.")]
    [InlineData("Call", "2030-01-01T09:00", "role:Administrator", "Normal", "task-owner", "Choose who the task is for from the list.")]
    [InlineData("Call", "2030-01-01T09:00", "person:nobody", "Normal", "task-owner", "That person cannot take tasks (they are not a coordinator or clinician). Choose someone from the list.")]
    [InlineData("Call", "2030-01-01T09:00", "person:ME", "Urgentest", "task-priority-high", "Choose the priority.")]
    public async Task What_cannot_be_kept_is_refused_with_the_reason_and_what_was_typed_stays(string title, string due, string owner, string priority, string field, string message)
    {
        var (client, me) = await App.SignedInAsync(StaffRoles.Coordinator);

        var response = await AddTaskAsync(client, null, ("Form.Title", title), ("Form.Details", "Keep these words"), ("Form.Due", due), ("Form.Owner", owner.Replace("ME", me.Id, StringComparison.Ordinal)), ("Form.Priority", priority));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        var link = Assert.Single(page.QuerySelectorAll(".error-summary a"));
        Assert.Equal(("#" + field, message), (link.GetAttribute("href"), link.TextContent));
        Assert.Equal("Keep these words", page.QuerySelector("#task-details")!.TextContent);
        Assert.Empty(await TasksAsync());
    }

    [Fact]
    public async Task A_title_too_long_is_refused_with_its_length()
    {
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);

        var response = await AddTaskAsync(client, null, ("Form.Title", new string('x', StaffTask.TitleMaxLength + 1)), ("Form.Due", InputValue(Local(Now).AddHours(2))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains("it has 201", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await TasksAsync());
    }

    [Fact]
    public async Task A_task_is_marked_done_with_what_was_done_and_a_stale_form_changes_nothing()
    {
        var (client, me) = await App.SignedInAsync(StaffRoles.Coordinator);
        var response = await AddTaskAsync(client, null, ("Form.Title", "Order more leaflets"), ("Form.Due", InputValue(Local(Now).AddHours(1))));
        var task = Assert.Single(await TasksAsync());
        Assert.Equal($"/staff/tasks/{task.Id}", response.LocationPath());
        var url = $"/staff/tasks/{task.Id}";
        var stale = await client.GetDocumentAsync(url);

        response = await client.SubmitFormAsync(url, [("Outcome", "Ordered 200 from the printer.")], "#task-done-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        task = Assert.Single(await TasksAsync());
        Assert.Equal((StaffTaskStatus.Done, "Ordered 200 from the printer.", Now, me.Id), (task.Status, task.Outcome, task.ClosedAt, task.ClosedById));
        var page = await client.GetDocumentAsync(url);
        Assert.Null(page.QuerySelector("#task-done-form"));
        Assert.Contains("Ordered 200 from the printer.", page.QuerySelector("dl.details")!.TextContent, StringComparison.Ordinal);

        response = await client.SubmitFormAsync(stale, [("Outcome", "Cancelled from an old page")], "#task-cancel-form", url);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal((StaffTaskStatus.Done, "Ordered 200 from the printer."), (Assert.Single(await TasksAsync()).Status, Assert.Single(await TasksAsync()).Outcome));
        Assert.Single(await AuditAsync("task.done"));
        Assert.Empty(await AuditAsync("task.cancel"));
    }

    [Fact]
    public async Task Cancelling_needs_a_reason()
    {
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);
        await AddTaskAsync(client, null, ("Form.Title", "Chase the GP letter"), ("Form.Due", InputValue(Local(Now).AddHours(1))));
        var url = $"/staff/tasks/{Assert.Single(await TasksAsync()).Id}";

        var response = await client.SubmitFormAsync(url, [("Outcome", "  ")], "#task-cancel-form");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Say why the task is no longer needed.", (await Forms.ParseAsync(response)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(StaffTaskStatus.Open, Assert.Single(await TasksAsync()).Status);

        response = await client.SubmitFormAsync(url, [("Outcome", "The letter arrived by itself.")], "#task-cancel-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var task = Assert.Single(await TasksAsync());
        Assert.Equal((StaffTaskStatus.Cancelled, "The letter arrived by itself."), (task.Status, task.Outcome));
    }

    [Fact]
    public async Task A_task_given_to_a_colleague_leaves_my_list_and_joins_theirs()
    {
        var inquiry = await App.AddInquiryAsync("Tom Hale", Urgency.Routine, Now.AddHours(-2));
        var colleague = await App.CreateAsync(StaffRoles.Clinician);
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);
        await AddTaskAsync(client, inquiry, ("Form.Title", "Review the imaging report"), ("Form.Due", InputValue(Local(Now).AddHours(1))));
        var task = Assert.Single(await TasksAsync());
        Assert.Single((await client.GetDocumentAsync("/staff/tasks")).QuerySelectorAll("#tasks tbody tr"));

        var later = InputValue(Local(Now).AddHours(2));
        var response = await client.SubmitFormAsync($"/staff/tasks/{task.Id}", [("Form.Owner", "person:" + colleague.Id), ("Form.Due", later), ("Form.Priority", "Low")], "#task-change-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        task = Assert.Single(await TasksAsync());
        Assert.Equal((colleague.Id, (string?)null, TaskPriority.Low, 1), (task.OwnerId, task.OwnerRole, task.Priority, task.Version));
        Assert.Equal("Review the imaging report", task.Title);
        Assert.NotNull((await client.GetDocumentAsync("/staff/tasks")).QuerySelector("#tasks-empty"));
        Assert.Single((await client.GetDocumentAsync("/staff/tasks?show=all")).QuerySelectorAll("#tasks tbody tr"));
        Assert.Single(await AuditAsync("task.change"));
    }

    [Fact]
    public async Task A_task_for_a_role_is_in_every_member_s_list()
    {
        var (first, _) = await App.SignedInAsync(StaffRoles.Coordinator);
        var (second, _) = await App.SignedInAsync(StaffRoles.Coordinator);
        var (clinician, _) = await App.SignedInAsync(StaffRoles.Clinician);

        await AddTaskAsync(first, null, ("Form.Title", "Check the fax inbox"), ("Form.Owner", "role:Coordinator"), ("Form.Due", InputValue(Local(Now).AddHours(1))));

        Assert.Equal(StaffRoles.Coordinator, Assert.Single(await TasksAsync()).OwnerRole);
        Assert.Contains("Any coordinator", (await second.GetDocumentAsync("/staff/tasks")).QuerySelector("#tasks tbody tr")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await clinician.GetDocumentAsync("/staff/tasks")).QuerySelector("#tasks-empty"));
    }

    [Fact]
    public async Task The_database_refuses_a_task_with_two_owners_or_none()
    {
        var staff = await App.CreateAsync(StaffRoles.Coordinator);
        StaffTask Task(string? ownerId, string? ownerRole) => new()
        {
            Title = "x",
            OwnerId = ownerId,
            OwnerRole = ownerRole,
            DueAt = Now,
            CreatedAt = Now,
            CreatedById = staff.Id,
        };

        await Assert.ThrowsAsync<DbUpdateException>(() => App.WithDbAsync(db =>
        {
            db.Tasks.Add(Task(staff.Id, StaffRoles.Coordinator));
            return db.SaveChangesAsync();
        }));
        await Assert.ThrowsAsync<DbUpdateException>(() => App.WithDbAsync(db =>
        {
            db.Tasks.Add(Task(null, null));
            return db.SaveChangesAsync();
        }));
        Assert.Empty(await TasksAsync());
    }

    [Fact]
    public async Task Another_role_cannot_see_or_add_tasks()
    {
        var (researcher, _) = await App.SignedInAsync(StaffRoles.Researcher);

        foreach (var url in new[] { "/staff/tasks", "/staff/tasks/new", "/staff/my-day" })
        {
            var response = await researcher.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{url} answered {(int)response.StatusCode}");
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        }
    }
}

public sealed class TaskTestsOnSqlite() : TaskTests(TestDatabaseKind.Sqlite);

public sealed class TaskTestsOnPostgres() : TaskTests(TestDatabaseKind.Postgres);
