using SpineDesk.Clinical;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Data.Intake;
using SpineDesk.Web.Features.Intake;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Search;

/// <summary>People written straight to the database with the contact details a search test needs.</summary>
public static class SearchTestData
{
    public static async Task<Inquiry> AddPersonAsync(
        this SpineDeskApp app,
        string name,
        string phone = "+12125550100",
        string? email = null,
        DateTime? receivedAt = null,
        PipelineStage stage = PipelineStage.New,
        Urgency urgency = Urgency.Routine,
        string? ownerId = null,
        string? reference = null,
        DateTime? nextAttemptAt = null,
        DateTime? firstContactAttemptAt = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        return await app.WithDbAsync(async db =>
        {
            var inquiry = new Inquiry
            {
                ReferenceNumber = reference ?? ReferenceNumbers.New(),
                ReceivedAt = receivedAt ?? DateTime.UtcNow.AddMinutes(-5),
                Name = name,
                Phone = phone,
                Email = email,
                Language = "en",
                ConsentToContact = true,
                Urgency = urgency,
                Stage = stage,
                ClosureReason = stage == PipelineStage.Closed ? ClosureReason.Declined : null,
                OwnerId = ownerId,
                NextAttemptAt = nextAttemptAt,
                FirstContactAttemptAt = firstContactAttemptAt,
            };
            db.Inquiries.Add(inquiry);
            await db.SaveChangesAsync();
            return inquiry;
        });
    }
}
