using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SpineDesk.Clinical;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Clinical.RedFlags;
using SpineDesk.Data;
using SpineDesk.Data.Intake;
using SpineDesk.Web.Features.Clinic;
using SpineDesk.Web.Features.Outbox;
using SpineDesk.Web.Features.Search;

namespace SpineDesk.Web.Features.Intake;

/// <summary>The result of taking in a contact request.</summary>
/// <param name="ReferenceNumber">The number the person is given.</param>
/// <param name="Urgency">The urgency from the red-flag screen.</param>
/// <param name="AlreadyReceived">True when this was a repeat of a submission already stored.</param>
public sealed record IntakeResult(string ReferenceNumber, Urgency Urgency, bool AlreadyReceived);

/// <summary>
/// Checks a contact request, stores it as an inquiry with its red-flag urgency and queues the confirmation
/// email, all in one transaction. A repeated submission (same submission key) returns the first inquiry.
/// </summary>
public sealed class InquiryIntake(
    SpineDeskDbContext db,
    PhoneNumberReader phones,
    EmailOutbox outbox,
    TimeProvider time,
    IOptions<ClinicOptions> clinic)
{
    /// <summary>Field-level problems keyed by the form property name; empty when the form can be stored.</summary>
    public Dictionary<string, string> Validate(ContactForm form, out string? normalizedPhone)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string>();
        (normalizedPhone, var phoneError) = phones.Normalize(form.Phone);
        if (phoneError is not null)
        {
            errors[nameof(ContactForm.Phone)] = phoneError;
        }

        if (!string.IsNullOrWhiteSpace(form.Email) && !IsEmailAddress(form.Email.Trim()))
        {
            errors[nameof(ContactForm.Email)] = "Enter an email address in the right format, like name@example.com.";
        }
        else if (form.PreferredContactMethod == ContactMethod.Email && string.IsNullOrWhiteSpace(form.Email))
        {
            errors[nameof(ContactForm.Email)] = "Enter your email address, or choose another way for us to contact you.";
        }

        if (!form.ConsentToContact)
        {
            errors[nameof(ContactForm.ConsentToContact)] = "Tick the box to agree that we may contact you. Without it we cannot call you back.";
        }

        if (!Enum.IsDefined(form.PreferredContactMethod))
        {
            errors[nameof(ContactForm.PreferredContactMethod)] = "Choose how we should contact you.";
        }

        if (!Enum.IsDefined(form.PreferredContactTime))
        {
            errors[nameof(ContactForm.PreferredContactTime)] = "Choose when is best to contact you.";
        }

        if (form.RedFlags.Any(f => !Enum.IsDefined(f)))
        {
            errors[nameof(ContactForm.RedFlags)] = "One of the symptom answers was not recognised. Please tick the boxes again.";
        }

        if (form.SubmissionKey == Guid.Empty)
        {
            errors[nameof(ContactForm.SubmissionKey)] = "The form was incomplete. Please reload the page and send it again.";
        }

        return errors;
    }

    internal static bool IsEmailAddress(string value) =>
        MailAddress.TryCreate(value, out var address)
        && address.Address == value
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !address.Host.EndsWith('.');

    /// <summary>Stores a validated request. Durable when this returns: the commit is synced to disk.</summary>
    public Task<IntakeResult> SubmitAsync(ContactForm form, string normalizedPhone, CancellationToken cancellationToken) =>
        SubmitAsync(form, normalizedPhone, join: null, cancellationToken);

    /// <summary>Stores a validated request. Durable when this returns: the commit is synced to disk.</summary>
    /// <param name="form">The validated form.</param>
    /// <param name="normalizedPhone">The phone number in E.164 form, from <see cref="Validate"/>.</param>
    /// <param name="join">Called with the new inquiry before it is saved, so that what the request came with (a
    /// self-assessment) is linked to it in the same transaction; changes made to tracked entities are saved with it.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    public async Task<IntakeResult> SubmitAsync(ContactForm form, string normalizedPhone, Action<Inquiry>? join, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var existing = await FindBySubmissionKeyAsync(form.SubmissionKey, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var assessment = RedFlagScreen.Assess(form.RedFlags);
        var inquiry = new Inquiry
        {
            ReferenceNumber = ReferenceNumbers.New(),
            SubmissionKey = form.SubmissionKey,
            ReceivedAt = time.GetUtcNow().UtcDateTime,
            Name = form.Name!.Trim(),
            Phone = normalizedPhone,
            Email = string.IsNullOrWhiteSpace(form.Email) ? null : form.Email.Trim(),
            PreferredContactMethod = form.PreferredContactMethod,
            PreferredContactTime = form.PreferredContactTime,
            Language = form.Language,
            ConsentToContact = form.ConsentToContact,
            Message = string.IsNullOrWhiteSpace(form.Message) ? null : form.Message.Trim(),
            RedFlags = [.. form.RedFlags.Distinct().Order()],
            Urgency = assessment.Urgency,
            Stage = PipelineStage.New,
        };
        await DuplicateDetection.MarkAsync(db, inquiry, cancellationToken);
        db.Inquiries.Add(inquiry);
        join?.Invoke(inquiry);
        if (inquiry.Email is not null)
        {
            var email = ConfirmationEmail.Compose(inquiry, clinic.Value);
            outbox.Enqueue("inquiry-confirmation", inquiry.Email, inquiry.Name, email.Subject, email.Text, inquiry: inquiry);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two copies of the same submission raced; the other one was stored first.
            db.ChangeTracker.Clear();
            var first = await FindBySubmissionKeyAsync(form.SubmissionKey, cancellationToken);
            if (first is null)
            {
                throw;
            }

            return first;
        }

        return new IntakeResult(inquiry.ReferenceNumber, inquiry.Urgency, AlreadyReceived: false);
    }

    private async Task<IntakeResult?> FindBySubmissionKeyAsync(Guid key, CancellationToken cancellationToken) =>
        await db.Inquiries.AsNoTracking()
            .Where(i => i.SubmissionKey == key)
            .Select(i => new IntakeResult(i.ReferenceNumber, i.Urgency, true))
            .FirstOrDefaultAsync(cancellationToken);
}
