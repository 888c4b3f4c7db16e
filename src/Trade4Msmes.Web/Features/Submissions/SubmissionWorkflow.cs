using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Accounts;

using static Trade4Msmes.Web.SharedResource;

namespace Trade4Msmes.Web.Features.Submissions;

public enum WorkflowOutcome
{
    Done,

    // Not there, or not visible to this person: the same answer, so drafts of other economies stay unseen.
    NotFound,

    // Visible, but this person may not do this (an official publishing, an editor writing an economy's text).
    Forbidden,

    // Not possible in the submission's state (publishing a draft, editing while it waits for review).
    WrongState,

    // Someone changed it since the page was opened; nothing was saved.
    Conflict,
    Invalid,
}

public sealed record WorkflowResult(WorkflowOutcome Outcome, Submission? Submission = null, IReadOnlyDictionary<string, string>? Problems = null);

// draft → submitted → published, or returned with a comment. Officials write for their own economies only;
// editors review and publish. Every step adds a numbered revision and an audit entry; a step taken on an
// outdated view of the submission is refused, so no one's text is overwritten unseen.
public sealed class SubmissionWorkflow(AppDbContext db, TimeProvider clock)
{
    public const int MaxCommentLength = 2000;

    DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static bool CanSee(Caller caller, Submission s) => caller.IsEditor || caller.IsOfficialFor(s.EconomyIso3);

    public static bool CanWrite(Caller caller, Submission s) => caller.IsOfficialFor(s.EconomyIso3);

    public static bool CanReview(Caller caller) => caller.IsEditor;

    public static Dictionary<string, string> Fields(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    // The submissions this person may see: an editor sees all, an official those of their economies.
    public IQueryable<Submission> Visible(Caller caller)
    {
        var economies = caller.Economies.ToList();
        return caller.IsEditor ? db.Submissions : db.Submissions.Where(s => economies.Contains(s.EconomyIso3));
    }

    public async Task<Submission?> FindAsync(Caller caller, int id, CancellationToken ct)
    {
        var submission = await db.Submissions.Include(s => s.Revisions).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (submission is null || !CanSee(caller, submission))
        {
            return null;
        }
        submission.Revisions = submission.Revisions.OrderBy(r => r.Number).ToList();
        return submission;
    }

    // The options of the kind's fields that depend on the economy: the agreements it is or was a party to.
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Policy.PolicyCategory>>> ChoicesAsync(SubmissionKind kind, string economy, CancellationToken ct)
    {
        var fields = kind.Fields.Where(f => f.Type == FieldType.Agreement).ToList();
        if (fields.Count == 0)
        {
            return new Dictionary<string, IReadOnlyList<Policy.PolicyCategory>>();
        }
        var agreements = await (from p in db.AgreementParticipations
                                join a in db.TradeAgreements on p.RtaId equals a.RtaId
                                where p.EconomyIso3 == economy
                                select new { a.RtaId, a.Name }).Distinct().ToListAsync(ct);
        IReadOnlyList<Policy.PolicyCategory> options = [.. agreements.OrderBy(a => a.Name, StringComparer.Ordinal)
            .Select(a => new Policy.PolicyCategory(a.RtaId.ToString(System.Globalization.CultureInfo.InvariantCulture), a.Name))];
        return fields.ToDictionary(f => f.Name, _ => options);
    }

    public async Task<WorkflowResult> CreateAsync(Caller caller, SubmissionKind kind, string economy,
        IReadOnlyDictionary<string, string?> input, CancellationToken ct)
    {
        if (!caller.IsOfficialFor(economy))
        {
            return new WorkflowResult(WorkflowOutcome.Forbidden);
        }
        var content = kind.Clean(input, await ChoicesAsync(kind, economy, ct), out var problems);
        if (problems.Count > 0)
        {
            return new WorkflowResult(WorkflowOutcome.Invalid, Problems: problems);
        }
        var json = JsonSerializer.Serialize(content);
        var submission = new Submission
        {
            Kind = kind.Key,
            EconomyIso3 = economy,
            Title = kind.TitleOf(content),
            State = SubmissionState.Draft,
            Content = json,
            CreatedBy = caller.Id,
            CreatedAt = Now,
            UpdatedAt = Now,
            Revisions = [new SubmissionRevision { Number = 1, Event = RevisionEvent.Saved, Content = json, By = caller.Id, At = Now }],
        };
        db.Submissions.Add(submission);
        await db.SaveChangesAsync(ct);
        AuditLog.Record(db, caller.Actor, "submission.created", $"submission/{submission.Id}", economy, newValues: content, at: Now);
        await db.SaveChangesAsync(ct);
        return new WorkflowResult(WorkflowOutcome.Done, submission);
    }

    // Saving a published submission starts its next draft; the public keeps seeing the published version.
    public async Task<WorkflowResult> SaveAsync(Caller caller, int id, int seenRevision, IReadOnlyDictionary<string, string?> input, CancellationToken ct)
    {
        var choices = await db.Submissions.Where(s => s.Id == id).Select(s => new { s.Kind, s.EconomyIso3 }).FirstOrDefaultAsync(ct) is { } found
            && SubmissionKind.Find(found.Kind) is { } submitted
            ? await ChoicesAsync(submitted, found.EconomyIso3, ct)
            : new Dictionary<string, IReadOnlyList<Policy.PolicyCategory>>();
        return await StepAsync(caller, id, seenRevision, RevisionEvent.Saved, null, (submission, kind) =>
        {
            if (!CanWrite(caller, submission))
            {
                return new WorkflowResult(WorkflowOutcome.Forbidden);
            }
            if (submission.State == SubmissionState.Submitted)
            {
                return new WorkflowResult(WorkflowOutcome.WrongState);
            }
            var content = kind.Clean(input, choices, out var problems);
            if (problems.Count > 0)
            {
                return new WorkflowResult(WorkflowOutcome.Invalid, Problems: problems);
            }
            var old = Fields(submission.Content);
            submission.Content = JsonSerializer.Serialize(content);
            submission.Title = kind.TitleOf(content);
            submission.State = SubmissionState.Draft;
            AuditLog.Record(db, caller.Actor, "submission.saved", $"submission/{submission.Id}", submission.EconomyIso3, old, content, Now);
            return null;
        }, ct);
    }

    public Task<WorkflowResult> SubmitAsync(Caller caller, int id, int seenRevision, CancellationToken ct) =>
        StepAsync(caller, id, seenRevision, RevisionEvent.Submitted, null, (submission, _) =>
            !CanWrite(caller, submission) ? new WorkflowResult(WorkflowOutcome.Forbidden)
            : submission.State is not (SubmissionState.Draft or SubmissionState.Returned) ? new WorkflowResult(WorkflowOutcome.WrongState)
            : Transition(caller, submission, SubmissionState.Submitted, "submission.submitted"), ct);

    public Task<WorkflowResult> ReturnAsync(Caller caller, int id, int seenRevision, string? comment, CancellationToken ct)
    {
        comment = comment?.Trim();
        return StepAsync(caller, id, seenRevision, RevisionEvent.Returned, comment, (submission, _) =>
        {
            if (!CanReview(caller))
            {
                return new WorkflowResult(WorkflowOutcome.Forbidden);
            }
            if (submission.State != SubmissionState.Submitted)
            {
                return new WorkflowResult(WorkflowOutcome.WrongState);
            }
            if (string.IsNullOrEmpty(comment) || comment.Length > MaxCommentLength)
            {
                return new WorkflowResult(WorkflowOutcome.Invalid, Problems: new Dictionary<string, string>
                {
                    ["comment"] = Phrase("Say what should change (at most 2,000 characters)."),
                });
            }
            submission.ReviewComment = comment;
            return Transition(caller, submission, SubmissionState.Returned, "submission.returned");
        }, ct);
    }

    public Task<WorkflowResult> PublishAsync(Caller caller, int id, int seenRevision, CancellationToken ct) =>
        StepAsync(caller, id, seenRevision, RevisionEvent.Published, null, (submission, _) =>
        {
            if (!CanReview(caller))
            {
                return new WorkflowResult(WorkflowOutcome.Forbidden);
            }
            if (submission.State != SubmissionState.Submitted)
            {
                return new WorkflowResult(WorkflowOutcome.WrongState);
            }
            AuditLog.Record(db, caller.Actor, "submission.published", $"submission/{submission.Id}", submission.EconomyIso3,
                submission.PublishedContent is { } previous ? Fields(previous) : null, Fields(submission.Content), Now);
            submission.PublishedContent = submission.Content;
            submission.PublishedVersion++;
            submission.ReviewComment = null;
            submission.State = SubmissionState.Published;
            return null;
        }, ct);

    WorkflowResult? Transition(Caller caller, Submission submission, SubmissionState to, string action)
    {
        AuditLog.Record(db, caller.Actor, action, $"submission/{submission.Id}", submission.EconomyIso3,
            new { State = submission.State.ToString() }, new { State = to.ToString(), submission.ReviewComment }, Now);
        submission.State = to;
        return null;
    }

    // Loads the submission, lets the step check and change it (returning a result only to refuse), then saves
    // it with its new revision. Two people acting on the same revision: the unique revision number lets one win.
    async Task<WorkflowResult> StepAsync(Caller caller, int id, int seenRevision, RevisionEvent revisionEvent, string? comment,
        Func<Submission, SubmissionKind, WorkflowResult?> step, CancellationToken ct)
    {
        var submission = await db.Submissions.AsTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (submission is null || !CanSee(caller, submission) || SubmissionKind.Find(submission.Kind) is not { } kind)
        {
            return new WorkflowResult(WorkflowOutcome.NotFound);
        }
        var latest = await db.SubmissionRevisions.Where(r => r.SubmissionId == id).MaxAsync(r => r.Number, ct);
        if (latest != seenRevision)
        {
            return new WorkflowResult(WorkflowOutcome.Conflict, submission);
        }
        if (step(submission, kind) is { } refused)
        {
            return refused with { Submission = submission };
        }
        submission.UpdatedAt = Now;
        db.SubmissionRevisions.Add(new SubmissionRevision
        {
            SubmissionId = id,
            Number = latest + 1,
            Event = revisionEvent,
            Content = submission.Content,
            PublishedVersion = revisionEvent == RevisionEvent.Published ? submission.PublishedVersion : null,
            By = caller.Id,
            At = Now,
            Comment = comment,
        });
        if (revisionEvent == RevisionEvent.Published && kind.OnPublish is { } publish)
        {
            await publish(db, submission, Now, ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new WorkflowResult(WorkflowOutcome.Conflict);
        }
        return new WorkflowResult(WorkflowOutcome.Done, submission);
    }

    // What the public sees of one kind for one economy: the last published version of each submission.
    public async Task<IReadOnlyList<Dictionary<string, string>>> PublishedAsync(string kind, string economy, CancellationToken ct) =>
        (await db.Submissions.Where(s => s.Kind == kind && s.EconomyIso3 == economy && s.PublishedContent != null)
            .OrderBy(s => s.Title).Select(s => s.PublishedContent!).ToListAsync(ct))
            .Select(Fields).ToList();
}
