using SpineDesk.Web.Data;
using SpineDesk.Web.Features.Audit;
using SpineDesk.Web.Features.Cadence;
using SpineDesk.Web.Features.Clinic;
using SpineDesk.Web.Features.Consultations;
using SpineDesk.Web.Features.Demo;
using SpineDesk.Web.Features.Intake;
using SpineDesk.Web.Features.Outbox;
using SpineDesk.Web.Features.Patients;
using SpineDesk.Web.Features.Public;
using SpineDesk.Web.Features.Questionnaires;
using SpineDesk.Web.Features.Queue;
using SpineDesk.Web.Features.Search;
using SpineDesk.Web.Features.SelfAssessment;
using SpineDesk.Web.Features.Shared;
using SpineDesk.Web.Features.Staff;
using SpineDesk.Web.Features.Tasks;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSpineDeskDatabase(builder.Configuration, builder.Environment);
builder.Services.AddRazorPages(options => options.RootDirectory = "/Features");
builder.Services.AddProblemDetails();
builder.Services.AddClinic();
builder.Services.AddPublicSite();
builder.Services.AddAudit();
builder.Services.AddEmailOutbox();
builder.Services.AddIntake();
builder.Services.AddStaffAccounts();
builder.Services.AddQueue();
builder.Services.AddSearch();
builder.Services.AddCadence();
builder.Services.AddDemo();
builder.Services.AddQuestionnaires();
builder.Services.AddSelfAssessment();
builder.Services.AddConsultations();
builder.Services.AddTasks();
builder.Services.AddPatients();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapClinicTheme();
app.MapRazorPages();
app.MapBenchmarkEndpoints();

await app.Services.MigrateSpineDeskDatabaseAsync();
if (await app.RunDemoCommandAsync(args))
{
    return;
}

await app.SeedDemoWhenEmptyAsync();
await app.RunAsync();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
