using Xunit;

// These tests run real restores, packs and builds of the repository's projects; in parallel they would write the
// same obj/ folders at once.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
