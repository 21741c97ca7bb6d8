using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Emr.Codegen.Tests.Infrastructure
{
    /// <summary>Runs methods of Scenarios/DefaultSpecScenarios.cs, compiled with the default spec's generated code.</summary>
    public static class Scenario
    {
        private static readonly Lazy<System.Reflection.Assembly> ScenarioAssembly = new(() =>
        {
            string source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Scenarios", "DefaultSpecScenarios.cs"));
            var result = GeneratorHarness.RunDefault(source);
            var problems = result.CompilationErrorsAndWarnings.ToList();
            if (problems.Count > 0)
            {
                throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
            }

            return GeneratorHarness.Load(result.Output);
        });

        public static object? Invoke(string method, params object[] arguments) => InvokeOn("Scenarios", method, arguments);

        public static object? InvokeOn(string type, string method, params object[] arguments)
        {
            try
            {
                return ScenarioAssembly.Value.GetType(type)!.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments);
            }
            catch (TargetInvocationException exception) when (exception.InnerException != null)
            {
                throw exception.InnerException;
            }
        }

        public static string Run(string method, params object[] arguments) => (string)Invoke(method, arguments)!;

        public static string RunOn(string type, string method, params object[] arguments) => (string)InvokeOn(type, method, arguments)!;
    }
}
