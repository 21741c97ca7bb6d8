using System.Linq;
using Emr.Codegen.Tests.Infrastructure;

namespace Emr.Codegen.Tests.Generator
{
    public class DefaultSpecCompilesTests
    {
        [Fact]
        public void Default_spec_generates_code_with_no_errors_or_warnings()
        {
            var result = GeneratorHarness.RunDefault();
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationErrorsAndWarnings);
        }
    }
}
