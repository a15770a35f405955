using System.Globalization;
using ScorecardBot.Answers;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;
using ScorecardBot.Core.Submissions;
using ScorecardBot.Observability;
using ScorecardBot.Scorecard;
using ScorecardBot.Storage;

namespace ScorecardBot.Submissions;

/// <summary>
/// Command leads' forms: drawing one, checking and saving a submit (all or nothing, once, never over a newer save),
/// who may submit, a measure's history, and month locks. Every answer is a view model; Cards/ draws it.
/// </summary>
public sealed class SubmissionService(
    ISubmissionStore store,
    IFigureStore figures,
    ScorecardSnapshotProvider snapshots,
    Roles roles,
    PeopleDirectory people,
    AuditLog audit,
    BotMetrics metrics,
    TimeProvider clock,
    TimeZoneInfo zone)
{
    private YearMonth Today => YearMonth.FromDate(clock.GetUtcNow(), zone);

    /// <summary>The form for a command and month; an admin with no command named chooses one first.</summary>
    public async Task<IAnswerView> OpenFormAsync(Submitter who, Command? command, YearMonth? month, CancellationToken cancellationToken)
    {
        if (!who.CanSubmit)
        {
            audit.Refused(who, "opening the submission form", "no role");
            return await NotAllowedAsync($"Only command leads and admins can submit figures, {who.Name}.", cancellationToken);
        }
        var snapshot = await snapshots.GetAsync(cancellationToken);
        var definition = snapshot.Definition;
        if (command is not null && !who.CanSubmitFor(command))
        {
            audit.Refused(who, $"opening the {command.Code} form", "not a lead of " + command.Code);
            return await NotAllowedAsync($"You can't submit figures for {command.Code}: you are a lead of {string.Join(" and ", who.LeadOf)}.", cancellationToken);
        }
        var mine = definition.Commands.Where(who.CanSubmitFor).ToList();
        command ??= mine.Count == 1 ? mine[0] : null;
        if (command is null) return new CommandChoiceView(mine, month);
        var chosen = month ?? DefaultMonth(snapshot, command);
        return await FormAsync(snapshot, command, chosen, notice: null, cancellationToken);
    }

    /// <summary>A submitted form: saved and confirmed, or the form again with what is wrong beside each field.</summary>
    public async Task<IAnswerView> SubmitAsync(Submitter who, FormPost post, CancellationToken cancellationToken)
    {
        var what = $"{post.Command.Code} figures for {post.DrawnMonth.ToLongLabel()}";
        if (!who.CanSubmitFor(post.Command))
        {
            audit.Refused(who, what, who.CanSubmit ? "not a lead of " + post.Command.Code : "no role");
            metrics.SubmissionRefused(SubmissionRefusal.NotAllowed);
            return await NotAllowedAsync(who.CanSubmit
                ? $"You can't submit figures for {post.Command.Code}: you are a lead of {string.Join(" and ", who.LeadOf)}. Nothing was saved."
                : $"Only command leads and admins can submit figures, {who.Name}. Nothing was saved.", cancellationToken);
        }
        var snapshot = await snapshots.GetAsync(cancellationToken);
        var definition = snapshot.Definition;
        var chosen = post.Fields.GetValueOrDefault(SubmissionForm.MonthField) is { } text && YearMonth.TryParse(text, out var m) ? m : post.DrawnMonth;
        if (chosen != post.DrawnMonth)
        {
            // The figures shown were for another month: show the chosen month's before anything is saved.
            return await FormAsync(snapshot, post.Command, chosen,
                $"These are the current figures for {chosen.ToLongLabel()}. Check them and submit again; nothing was saved.", cancellationToken);
        }

        var form = SubmissionForm.For(definition, post.Command, post.DrawnMonth);
        var check = SubmissionValidator.Check(form, post.Fields, snapshot.Figures, definition.FinancialYear, Today, snapshot.IsLocked(form.Month));
        if (!check.IsValid)
        {
            metrics.SubmissionRefused(SubmissionRefusal.Invalid);
            if (check.Errors.Any(e => e.Field.Length == 0)) audit.Refused(who, what, string.Join(" ", check.Errors.Where(e => e.Field.Length == 0).Select(e => e.Message)));
            return Redraw(snapshot, form, post, check.Errors, [], notice: "Nothing was saved: please correct the fields marked below.");
        }
        if (check.Warnings.Count > 0 && !post.Confirmed)
        {
            return Redraw(snapshot, form, post, [], check.Warnings, notice: "Please check the figures marked below; save anyway if they are right.");
        }

        var editor = new Editor(who.Id, who.Name);
        var submission = new Submission(form.Command.Code, form.Month, post.Version, post.SubmissionId, editor,
            check.Figures.Select(f => new FigureChange(f.Component.Id, MonthRange.Single(form.Month), f.Value)).ToList(),
            check.Comments.Select(c => new CommentChange(c.Measure.Number, form.Month, c.Text)).ToList());
        var result = await store.SubmitAsync(submission, cancellationToken);
        switch (result.Outcome)
        {
            case SubmitOutcome.Saved or SubmitOutcome.Duplicate:
                if (result.Outcome == SubmitOutcome.Saved)
                {
                    audit.Saved(who, what, post.SubmissionId, result.Changes!.FiguresChanged + result.Changes.CommentsChanged);
                    metrics.SubmissionAccepted(form.Command.Code);
                }
                snapshots.Invalidate();
                return await ConfirmationAsync(form, post.SubmissionId, result, editor, cancellationToken);
            case SubmitOutcome.Locked:
                audit.Refused(who, what, "the month is locked");
                metrics.SubmissionRefused(SubmissionRefusal.Locked);
                return await FormAsync(await snapshots.GetAsync(cancellationToken), form.Command, form.Month,
                    $"{form.Month.ToLongLabel()} was locked while you had the form open, so nothing was saved.", cancellationToken);
            default:
                metrics.SubmissionRefused(SubmissionRefusal.Stale);
                snapshots.Invalidate();
                return await FormAsync(await snapshots.GetAsync(cancellationToken), form.Command, form.Month,
                    await StaleNoticeAsync(result.State, form, cancellationToken), cancellationToken);
        }
    }

    public async Task<IAnswerView> WhoCanSubmitAsync(Command? command, CancellationToken cancellationToken)
    {
        var snapshot = await snapshots.GetAsync(cancellationToken);
        var commands = command is null ? snapshot.Definition.Commands : [command];
        var leads = new List<CommandPeople>();
        foreach (var c in commands) leads.Add(new CommandPeople(c, await people.NamesAsync(roles.LeadsOf(c), cancellationToken)));
        return new WhoCanSubmitView(leads, await people.NamesAsync(roles.Admins, cancellationToken));
    }

    public async Task<IAnswerView> HistoryAsync(Measure measure, YearMonth month, CancellationToken cancellationToken)
    {
        var ids = measure.Components.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var revisions = (await figures.GetRevisionsAsync(MonthRange.Single(month), cancellationToken))
            .Where(r => r.Kind == RevisionKind.Figure ? ids.Contains(r.ComponentId!) : r.MeasureNumber == measure.Number)
            .ToList();
        return new HistoryView(measure, month, revisions);
    }

    public async Task<IAnswerView> ChangeLockAsync(Submitter who, YearMonth month, bool locking, CancellationToken cancellationToken)
    {
        var verb = locking ? "lock" : "unlock";
        if (!who.IsAdmin)
        {
            audit.Refused(who, $"{verb}ing {month.ToLongLabel()}", "not an admin");
            return new LockView(month, !locking, false, $"Only admins can {verb} a month.");
        }
        var year = (await snapshots.GetAsync(cancellationToken)).Definition.FinancialYear;
        if (!year.Contains(month)) return new LockView(month, !locking, false, $"{month.ToLongLabel()} is outside the scorecard's year ({year.Label}).");
        var editor = new Editor(who.Id, who.Name);
        var changed = locking ? await store.LockAsync(month, editor, cancellationToken) : await store.UnlockAsync(month, editor, cancellationToken);
        if (changed)
        {
            audit.Changed(who, $"{verb}ed {month.ToLongLabel()}");
            snapshots.Invalidate();
        }
        return new LockView(month, locking, changed, changed ? null : $"{month.ToLongLabel()} was {(locking ? "already locked" : "not locked")}.");
    }

    private async Task<NotAllowedView> NotAllowedAsync(string why, CancellationToken cancellationToken)
    {
        var view = (WhoCanSubmitView)await WhoCanSubmitAsync(null, cancellationToken);
        return new NotAllowedView(why, view.Commands.Append(new CommandPeople(new Command("admins", "Admins (any command)"), view.Admins)).ToList());
    }

    private async Task<FormView> FormAsync(ScorecardSnapshot snapshot, Command command, YearMonth month, string? notice, CancellationToken cancellationToken)
    {
        var form = SubmissionForm.For(snapshot.Definition, command, month);
        var state = await store.GetFormStateAsync(command.Code, month, cancellationToken);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var component in form.Components)
        {
            if (snapshot.Figures.Month(component.Id, month) is { } value) values[SubmissionForm.FieldId(component)] = value.ToString(CultureInfo.InvariantCulture);
        }
        foreach (var measure in form.Measures)
        {
            var comment = snapshot.Figures.CommentsFor(measure.Number, MonthRange.Single(month)).Select(c => c.Text).FirstOrDefault();
            if (comment is not null) values[SubmissionForm.CommentId(measure)] = comment;
        }
        var year = snapshot.Definition.FinancialYear;
        var locked = state.Locked || snapshot.IsLocked(month);
        var outside = !year.Contains(month) ? $"{month.ToLongLabel()} is outside the scorecard's year ({year.Label}); choose another month." : null;
        var future = month > Today ? $"{month.ToLongLabel()} is still to come; choose another month." : null;
        return new FormView(form, OpenMonths(snapshot), values, state.Version, Guid.NewGuid(), [], [],
            AnswerContext.Notes(notice, outside ?? future ?? (locked ? $"{month.ToLongLabel()} is locked; an admin can unlock it." : null)), locked);
    }

    /// <summary>The same form with what the lead typed kept, and the errors or warnings beside their fields.</summary>
    private FormView Redraw(ScorecardSnapshot snapshot, SubmissionForm form, FormPost post, IReadOnlyList<FieldError> errors, IReadOnlyList<FieldError> warnings, string notice)
    {
        var values = post.Fields.Where(f => form.FieldIds.Contains(f.Key) && f.Key != SubmissionForm.MonthField && f.Value is not null)
            .ToDictionary(f => f.Key, f => f.Value!, StringComparer.Ordinal);
        return new FormView(form, OpenMonths(snapshot), values, post.Version, post.SubmissionId, errors, warnings, notice, snapshot.IsLocked(form.Month));
    }

    private async Task<ConfirmationView> ConfirmationAsync(SubmissionForm form, Guid submissionId, SubmitResult result, Editor editor, CancellationToken cancellationToken)
    {
        var snapshot = await snapshots.GetAsync(cancellationToken);
        var changes = await store.GetSubmissionAsync(submissionId, cancellationToken);
        var results = form.Measures.Select(m => ScorecardCalculator.Evaluate(m, snapshot.Figures, MonthRange.Single(form.Month))).ToList();
        var first = changes.Count > 0 ? changes[0] : null;
        var savedBy = first?.SubmittedByName ?? result.State.LastSavedBy ?? editor.Name;
        var savedAt = first?.SubmittedAtUtc ?? result.State.LastSavedAtUtc ?? clock.GetUtcNow().UtcDateTime;
        return new ConfirmationView(form, results, changes, savedBy, savedAt, result.Outcome == SubmitOutcome.Duplicate);
    }

    /// <summary>"Olive Other saved these figures at 10:02 since this form was drawn: Calls received 353 → 360."</summary>
    private async Task<string> StaleNoticeAsync(FormState state, SubmissionForm form, CancellationToken cancellationToken)
    {
        var changes = state.LastSubmission is { } id ? await store.GetSubmissionAsync(id, cancellationToken) : [];
        var names = form.Components.ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal);
        var what = changes.Where(c => c.Kind == RevisionKind.Figure && names.ContainsKey(c.ComponentId!))
            .Select(c => $"{names[c.ComponentId!]} {(c.OldValue?.ToString(CultureInfo.InvariantCulture) ?? "none")} → {c.NewValue}")
            .Concat(changes.Where(c => c.Kind == RevisionKind.Comment).Select(c => $"the comment on measure {c.MeasureNumber}"))
            .ToList();
        var when = state.LastSavedAtUtc is { } at
            ? " at " + TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(at, DateTimeKind.Utc), zone).ToString("HH:mm 'on' d MMM yyyy", CultureInfo.InvariantCulture)
            : "";
        return $"{state.LastSavedBy ?? "Someone"} saved these figures{when} since this form was drawn"
            + (what.Count == 0 ? "" : ": " + string.Join("; ", what)) + ". Your figures were not saved; these are the current ones.";
    }

    /// <summary>Months that may be chosen: the scorecard's year up to this month, not locked.</summary>
    private List<YearMonth> OpenMonths(ScorecardSnapshot snapshot)
    {
        var year = snapshot.Definition.FinancialYear;
        var end = Today < year.End ? Today : year.End;
        return end < year.Start ? [] : new MonthRange(year.Start, end).Months().Where(m => !snapshot.IsLocked(m)).ToList();
    }

    /// <summary>The month after the command's latest figures (the one due), kept within the year and not in the future.</summary>
    private YearMonth DefaultMonth(ScorecardSnapshot snapshot, Command command)
    {
        var year = snapshot.Definition.FinancialYear;
        var ids = snapshot.Definition.Measures.Where(m => m.Command == command).SelectMany(m => m.Components).Select(c => c.Id);
        var due = snapshot.Figures.LatestMonthFor(ids) is { } latest ? latest.AddMonths(1) : year.Start;
        if (due > Today) due = Today;
        if (due > year.End) due = year.End;
        return due < year.Start ? year.Start : due;
    }
}
