namespace Trade4Msmes.Tests.Infrastructure;

// A clock that says what the test says. Local time is UTC so "today" does not depend on the machine.
public sealed class FixedTimeProvider(DateTimeOffset utcNow) : TimeProvider
{
    public DateTimeOffset UtcNow { get; set; } = utcNow.ToUniversalTime();

    public FixedTimeProvider(DateOnly today)
        : this(new DateTimeOffset(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow() => UtcNow;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Advance(TimeSpan by) => UtcNow += by;
}
