using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Emr.Codegen.Tests.Infrastructure;

namespace Emr.Codegen.Tests.Generator
{
    /// <summary>
    /// Compiles C# scenario code together with the code generated from a spec, once, and runs its static methods.
    /// A scenario returns what a reader produced, or the exact type and message of what it threw.
    /// </summary>
    internal sealed class ReaderScenarioHost
    {
        private readonly Lazy<Assembly> _assembly;

        public ReaderScenarioHost(Func<GeneratorHarness.Result> compile)
        {
            _assembly = new Lazy<Assembly>(() =>
            {
                GeneratorHarness.Result result = compile();
                var problems = result.GeneratorDiagnostics.Concat(result.CompilationErrorsAndWarnings).ToList();
                if (problems.Count > 0)
                {
                    throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
                }

                return GeneratorHarness.Load(result.Output);
            });
        }

        public string Run(string method, params object[] arguments)
        {
            try
            {
                return (string)_assembly.Value.GetType("ReaderScenarios")!.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments)!;
            }
            catch (TargetInvocationException exception) when (exception.InnerException != null)
            {
                throw exception.InnerException;
            }
        }

        /// <summary>The part of every scenario file that runs a reader and reports its outcome.</summary>
        public const string Outcome = @"
    private static string Outcome(System.Func<string> read)
    {
        try
        {
            return read();
        }
        catch (System.Exception exception)
        {
            return exception.GetType().FullName + "": "" + exception.Message;
        }
    }
";

        public static void AssertThrows(string outcome, string exceptionType, params string[] messageParts)
        {
            Assert.StartsWith(exceptionType + ": ", outcome);
            foreach (string part in messageParts)
            {
                Assert.Contains(part, outcome.Substring(exceptionType.Length + 2), StringComparison.Ordinal);
            }
        }

        public static IEnumerable<string> Lines(string text) => text.Split('\n');
    }
}
