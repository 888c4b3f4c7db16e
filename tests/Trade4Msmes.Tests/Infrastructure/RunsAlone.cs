namespace Trade4Msmes.Tests.Infrastructure;

// For tests that need the shared data to stand still (the published data version, which any other test storing data
// moves on) or that add data other tests count: these run after the parallel tests, one at a time.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "Runs alone";
}
