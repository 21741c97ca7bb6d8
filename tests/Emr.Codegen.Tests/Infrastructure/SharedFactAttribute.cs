namespace Emr.Codegen.Tests.Infrastructure
{
    /// <summary>
    /// A fact that reads the shared/ folder: skipped, with <see cref="TestPaths.SharedMissingReason"/>, where it is absent
    /// (a fresh clone), so the README's test command passes there; <c>.ci/run</c> fails on any skipped test.
    /// </summary>
    public sealed class SharedFactAttribute : FactAttribute
    {
        public SharedFactAttribute() => Skip = TestPaths.SharedMissingReason;
    }

    /// <summary>A theory that reads the shared/ folder, skipped like <see cref="SharedFactAttribute"/> (its data is not enumerated then).</summary>
    public sealed class SharedTheoryAttribute : TheoryAttribute
    {
        public SharedTheoryAttribute() => Skip = TestPaths.SharedMissingReason;
    }
}
