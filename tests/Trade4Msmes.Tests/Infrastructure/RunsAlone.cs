namespace Trade4Msmes.Tests.Infrastructure;

// For tests that watch the published data version stand still for a moment: any other test storing data moves it
// on, so these run after the parallel tests, one at a time.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "Runs alone";
}
