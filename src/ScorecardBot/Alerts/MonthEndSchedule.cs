using ScorecardBot.Core.Periods;

namespace ScorecardBot.Alerts;

/// <summary>Which month a scheduled evaluation looks at: from the figures' due day of a month on, the month before.</summary>
public static class MonthEndSchedule
{
    /// <summary>The closed month to evaluate at this instant in the alerts' time zone, or null before the due day.</summary>
    public static YearMonth? MonthToEvaluate(DateTimeOffset now, TimeZoneInfo zone, int dueDay)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        return local.Day >= dueDay ? new YearMonth(local.Year, local.Month).AddMonths(-1) : null;
    }

    /// <summary>Whether this instant falls on the due day itself, when reminders go to leads whose figures are missing.</summary>
    public static bool IsDueDay(DateTimeOffset now, TimeZoneInfo zone, int dueDay) => TimeZoneInfo.ConvertTime(now, zone).Day == dueDay;
}
