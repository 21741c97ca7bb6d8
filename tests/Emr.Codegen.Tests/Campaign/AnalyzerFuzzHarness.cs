using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Emr.Codegen.Analyzers;
using Emr.Codegen.Spec;
using Emr.Codegen.Spec.Model;
using Emr.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Emr.Codegen.Tests.Campaign
{
    /// <summary>
    /// Runs the analyzer over batches of generated programs and checks, for each program:
    /// <list type="bullet">
    /// <item>it compiles (so the campaign's reach is real code, not error recovery);</item>
    /// <item>no analyzer exception and no AD0001;</item>
    /// <item>every EMR diagnostic, and each of its additional locations, lies in a request expression (<see cref="RequestExpression"/>);</item>
    /// <item>the syntax tier and the bound tier agree: the program with every body sent to the bound tier
    /// (<see cref="GeneratedProgram.BoundSource"/>) gets exactly the same diagnostics, span for span.</item>
    /// </list>
    /// Prefixes of programs (text cut where someone is still typing) are checked for the same, but for compiling.
    /// The generated code of the default spec is produced once: its syntax trees go into every compilation (as when
    /// the generator runs in the project), or, for every other batch, a library compiled from them once (as when a
    /// project references a library with the types).
    /// </summary>
    public sealed class AnalyzerFuzzHarness
    {
        private static readonly Lazy<AnalyzerFuzzHarness> DefaultHarness = new(() => new AnalyzerFuzzHarness());

        private static readonly CSharpParseOptions Parse = new CSharpParseOptions(LanguageVersion.Latest);

        private readonly ImmutableArray<SyntaxTree> _generatedTrees;
        private readonly MetadataReference _library;
        private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new RequestAnalyzer());

        private AnalyzerFuzzHarness()
        {
            string specText = File.ReadAllText(TestPaths.DefaultSpec);
            Spec = SpecReader.Read(new[] { new SpecSource(TestPaths.DefaultSpec, specText) }).Model!;
            IReadOnlyList<(string Name, string Text)> generated = AnalyzerVerifier.Generated(new[] { (TestPaths.DefaultSpec, specText) });
            _generatedTrees = generated.Select(g => CSharpSyntaxTree.ParseText(g.Text, Parse, path: g.Name)).ToImmutableArray();
            var library = CSharpCompilation.Create("Emr.Library", _generatedTrees, TestReferences.All, Options(OutputKind.DynamicallyLinkedLibrary));
            using var stream = new MemoryStream();
            var emit = library.Emit(stream);
            if (!emit.Success)
            {
                throw new InvalidOperationException(string.Join(Environment.NewLine, emit.Diagnostics));
            }

            _library = MetadataReference.CreateFromImage(stream.ToArray());
        }

        public static AnalyzerFuzzHarness Default => DefaultHarness.Value;

        /// <summary>The default spec's generated code, compiled once.</summary>
        public MetadataReference Library => _library;

        internal SpecModel Spec { get; }

        public ProgramGenerator Generator => new ProgramGenerator(Spec);

        private static CSharpCompilationOptions Options(OutputKind kind) =>
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true);

        /// <summary>What one batch found; <see cref="Failures"/> is empty when every check held.</summary>
        public sealed class BatchResult
        {
            public List<string> Failures { get; } = new List<string>();

            public Dictionary<string, int> DiagnosticCounts { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

            public int Programs { get; set; }

            public int TierCompared { get; set; }

            public int TierComparedWithDiagnostics { get; set; }

            public int Prefixes { get; set; }

            public HashSet<string> Features { get; } = new HashSet<string>(StringComparer.Ordinal);
        }

        private CSharpCompilation Compile(IEnumerable<SyntaxTree> trees, bool generatedAsSource, OutputKind kind)
        {
            IEnumerable<MetadataReference> references = TestReferences.All;
            IEnumerable<SyntaxTree> all = trees;
            if (generatedAsSource)
            {
                all = _generatedTrees.Concat(trees);
            }
            else
            {
                references = references.Append(_library);
            }

            return CSharpCompilation.Create("Fuzz", all, references, Options(kind));
        }

        /// <summary>Runs the analyzer; what it reports, and every exception it threw.</summary>
        private (ImmutableArray<Diagnostic> Diagnostics, List<string> Exceptions) Analyze(Compilation compilation, bool withCompilerDiagnostics)
        {
            var exceptions = new ConcurrentQueue<string>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, analyzer, diagnostic) => exceptions.Enqueue(exception.ToString()),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false);
            var withAnalyzers = compilation.WithAnalyzers(_analyzers, options);
            ImmutableArray<Diagnostic> diagnostics = withCompilerDiagnostics
                ? withAnalyzers.GetAllDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult()
                : withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            return (diagnostics, exceptions.ToList());
        }

        /// <summary>Checks a batch of whole programs, which must compile.</summary>
        public BatchResult RunBatch(IReadOnlyList<GeneratedProgram> programs, bool generatedAsSource)
        {
            var result = new BatchResult { Programs = programs.Count };
            foreach (GeneratedProgram program in programs)
            {
                result.Features.UnionWith(program.Features);
            }

            var trees = programs.ToDictionary(p => p, p => CSharpSyntaxTree.ParseText(p.Source, Parse, path: p.FileName));
            OutputKind kind = programs.Any(p => p.Shape == ProgramShape.TopLevel) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
            CSharpCompilation compilation = Compile(trees.Values, generatedAsSource, kind);
            var (diagnostics, exceptions) = Analyze(compilation, withCompilerDiagnostics: true);
            if (exceptions.Count > 0)
            {
                // Which program threw: each alone, so the failure shows the program to turn into a regression test.
                foreach (GeneratedProgram program in programs)
                {
                    var alone = Analyze(Compile(new[] { CSharpSyntaxTree.ParseText(program.Source, Parse, path: program.FileName) }, generatedAsSource, program.Shape == ProgramShape.TopLevel ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary), withCompilerDiagnostics: false);
                    result.Failures.AddRange(alone.Exceptions.Distinct().Select(e => program.FileName + ": analyzer exception\n" + e + "\n" + Numbered(program.Source)));
                }
            }

            var byTree = diagnostics.Where(d => d.Location.SourceTree != null).ToLookup(d => d.Location.SourceTree!);
            foreach (GeneratedProgram program in programs)
            {
                SyntaxTree tree = trees[program];
                var own = byTree[tree].ToList();
                var errors = own.Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("EMR", StringComparison.Ordinal)).ToList();
                if (errors.Count > 0)
                {
                    result.Failures.Add(Describe(program, "does not compile", errors));
                }

                var emr = own.Where(d => d.Id.StartsWith("EMR", StringComparison.Ordinal)).ToList();
                foreach (Diagnostic diagnostic in emr)
                {
                    result.DiagnosticCounts[diagnostic.Id] = result.DiagnosticCounts.GetValueOrDefault(diagnostic.Id) + 1;
                }

                CheckDiagnostics(program.FileName, program.Source, compilation.GetSemanticModel(tree), own, result);
            }

            result.Failures.AddRange(diagnostics.Where(d => d.Id == "AD0001" && d.Location.SourceTree == null).Select(d => "AD0001: " + d));

            // The tiers: the plain programs again, every body bound; the same diagnostics, span for span.
            var plain = programs.Where(p => p.Shape == ProgramShape.Plain).ToList();
            if (plain.Count > 0)
            {
                var boundTrees = plain.ToDictionary(p => p, p => CSharpSyntaxTree.ParseText(p.BoundSource, Parse, path: p.FileName));
                var (boundDiagnostics, boundExceptions) = Analyze(Compile(boundTrees.Values, generatedAsSource, OutputKind.DynamicallyLinkedLibrary), withCompilerDiagnostics: false);
                result.Failures.AddRange(boundExceptions.Select(e => "analyzer exception (every body bound):\n" + e));
                var boundByTree = boundDiagnostics.Where(d => d.Location.SourceTree != null).ToLookup(d => d.Location.SourceTree!);
                foreach (GeneratedProgram program in plain)
                {
                    var syntaxTier = byTree[trees[program]].Where(d => d.Id.StartsWith("EMR", StringComparison.Ordinal)).Select(Key).OrderBy(k => k, StringComparer.Ordinal).ToList();
                    var boundTier = boundByTree[boundTrees[program]].Where(d => d.Id.StartsWith("EMR", StringComparison.Ordinal)).Select(Key).OrderBy(k => k, StringComparer.Ordinal).ToList();
                    result.TierCompared++;
                    if (syntaxTier.Count > 0)
                    {
                        result.TierComparedWithDiagnostics++;
                    }

                    if (!syntaxTier.SequenceEqual(boundTier))
                    {
                        result.Failures.Add(program.FileName + ": the syntax tier and the bound tier disagree.\nas written (plain bodies over syntax):\n  " + string.Join("\n  ", syntaxTier)
                            + "\nevery body bound:\n  " + string.Join("\n  ", boundTier) + "\n" + Numbered(program.Source));
                    }
                }
            }

            return result;
        }

        /// <summary>
        /// The oracle: builds each straight-line request at run time and compares Validate()'s problems with the
        /// analyzer's diagnostics in its builder, problem for problem (as EngineAgreementTests keys them). Returns how many
        /// builders were compared and how many had problems.
        /// </summary>
        public (int Compared, int WithProblems) RunOracle(GeneratedProgram program, List<string> failures)
        {
            SyntaxTree tree = CSharpSyntaxTree.ParseText(program.Source, Parse, path: program.FileName);
            CSharpCompilation compilation = Compile(new[] { tree }, generatedAsSource: true, OutputKind.DynamicallyLinkedLibrary);
            var (diagnostics, exceptions) = Analyze(compilation, withCompilerDiagnostics: true);
            failures.AddRange(exceptions);
            var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("EMR", StringComparison.Ordinal)).ToList();
            if (errors.Count > 0)
            {
                failures.Add(Describe(program, "does not compile", errors));
                return (0, 0);
            }

            System.Reflection.Assembly assembly = GeneratorHarness.Load(compilation);
            Type builders = assembly.GetType("Oracle" + program.Index.ToString(CultureInfo.InvariantCulture))!;
            int compared = 0, withProblems = 0;
            foreach (MethodDeclarationSyntax method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Where(m => m.Identifier.ValueText.StartsWith("Build", StringComparison.Ordinal)))
            {
                var fromAnalyzer = diagnostics.Where(d => d.Location.SourceTree == tree && method.Span.Contains(d.Location.SourceSpan) && d.Id.StartsWith("EMR", StringComparison.Ordinal))
                    .Select(AnalyzerKey).OrderBy(k => k, StringComparer.Ordinal).ToList();
                object request = builders.GetMethod(method.Identifier.ValueText)!.Invoke(null, null)!;
                var problems = (System.Collections.IEnumerable)request.GetType().GetMethod("Validate")!.Invoke(request, null)!;
                var fromValidate = problems.Cast<object>().Select(RuntimeKey).OrderBy(k => k, StringComparer.Ordinal).ToList();
                compared++;
                withProblems += fromValidate.Count > 0 ? 1 : 0;
                if (!fromAnalyzer.SequenceEqual(fromValidate))
                {
                    failures.Add(program.FileName + " " + method.Identifier.ValueText + ": the analyzer and Validate() disagree.\nanalyzer:\n  " + string.Join("\n  ", fromAnalyzer)
                        + "\nValidate():\n  " + string.Join("\n  ", fromValidate) + "\n" + method);
                }
            }

            return (compared, withProblems);
        }

        // Problems are keyed as in the engine agreement test: a rule by its id and code, a single value by its code and message.
        private static string AnalyzerKey(Diagnostic diagnostic) => Engine.EngineAgreementTests.AnalyzerKey(diagnostic);

        private static string RuntimeKey(object problem) => Engine.EngineAgreementTests.RuntimeKey(problem);

        /// <summary>Text that is not a whole program: prefixes, or any other cut. Checked for exceptions and locations only.</summary>
        public BatchResult RunFragments(IReadOnlyList<(string Name, string Text)> fragments, bool generatedAsSource)
        {
            var result = new BatchResult { Prefixes = fragments.Count };
            var trees = fragments.Select(f => CSharpSyntaxTree.ParseText(f.Text, Parse, path: f.Name)).ToList();
            CSharpCompilation compilation = Compile(trees, generatedAsSource, OutputKind.DynamicallyLinkedLibrary);
            var (diagnostics, exceptions) = Analyze(compilation, withCompilerDiagnostics: false);
            result.Failures.AddRange(exceptions.Select(e => "analyzer exception in a batch of fragments " + string.Join(", ", fragments.Select(f => f.Name)) + ":\n" + e));
            var byTree = diagnostics.Where(d => d.Location.SourceTree != null).ToLookup(d => d.Location.SourceTree!);
            for (int i = 0; i < trees.Count; i++)
            {
                CheckDiagnostics(fragments[i].Name, fragments[i].Text, compilation.GetSemanticModel(trees[i]), byTree[trees[i]].ToList(), result);
            }

            result.Failures.AddRange(diagnostics.Where(d => d.Id == "AD0001" && d.Location.SourceTree == null).Select(d => "AD0001: " + d));
            return result;
        }

        private static void CheckDiagnostics(string name, string text, SemanticModel model, List<Diagnostic> diagnostics, BatchResult result)
        {
            foreach (Diagnostic diagnostic in diagnostics)
            {
                if (diagnostic.Id == "AD0001")
                {
                    result.Failures.Add(name + ": " + diagnostic + "\n" + Numbered(text));
                    continue;
                }

                if (!diagnostic.Id.StartsWith("EMR", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (Location location in new[] { diagnostic.Location }.Concat(diagnostic.AdditionalLocations))
                {
                    if (RequestExpression.Explain(location, model) is string problem)
                    {
                        result.Failures.Add(name + ": " + diagnostic.Id + " " + diagnostic.GetMessage(CultureInfo.InvariantCulture) + "\n  at " + location.GetLineSpan() + " ("
                            + Excerpt(text, location.SourceSpan) + "): " + problem + "\n" + Numbered(text));
                    }
                }
            }
        }

        /// <summary>A diagnostic as the tiers must agree on it: ID, where, what it says, and its other locations.</summary>
        private static string Key(Diagnostic d) =>
            d.Id + " " + d.Location.SourceSpan + " " + d.GetMessage(CultureInfo.InvariantCulture) + " [" + string.Join(", ", d.AdditionalLocations.Select(l => l.SourceSpan.ToString())) + "]";

        private static string Excerpt(string text, TextSpan span) => span.End <= text.Length ? text.Substring(span.Start, span.Length) : "?";

        private static string Describe(GeneratedProgram program, string what, IEnumerable<Diagnostic> diagnostics) =>
            program.FileName + " " + what + ":\n  " + string.Join("\n  ", diagnostics.Take(5)) + "\n" + Numbered(program.Source);

        public static string Numbered(string text)
        {
            var lines = text.Split('\n');
            var builder = new StringBuilder();
            for (int i = 0; i < lines.Length; i++)
            {
                builder.Append((i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(4)).Append("  ").Append(lines[i]).Append('\n');
            }

            return builder.ToString();
        }
    }

    /// <summary>
    /// Where the analyzer's diagnostics may be. Every EMR diagnostic is about a value given to a member of a spec type,
    /// or about a spec object as a whole, so each of its locations must lie inside a <em>request expression</em>:
    /// <list type="number">
    /// <item>an object creation whose type is a spec type (<c>new CreateInstanceRequest { ... }</c>, a target-typed
    /// <c>new() { ... }</c> of one), arguments and initializer included; or</item>
    /// <item>an assignment (simple, compound, <c>??=</c>, or a deconstruction) whose target, or one of whose tuple
    /// targets, is a property of a spec type (<c>r.TimeUnit = "m"</c>, <c>(r.PayMode, r.TimeUnit) = (0, "m")</c>,
    /// <c>r.TimeSpan += 1</c>), target and value included;</item>
    /// </list>
    /// and that expression must be in the same function as the location: a diagnostic inside a lambda or local function
    /// is not covered by a request expression around the function. A location must also be in source, with a span
    /// inside its file.
    /// </summary>
    public static class RequestExpression
    {
        /// <summary>Null when <paramref name="location"/> lies in a request expression, else why not.</summary>
        public static string? Explain(Location location, SemanticModel model)
        {
            if (!location.IsInSource || location.SourceTree != model.SyntaxTree)
            {
                return "not in the file analyzed";
            }

            SyntaxNode root = model.SyntaxTree.GetRoot();
            if (location.SourceSpan.End > root.FullSpan.End || location.SourceSpan.IsEmpty)
            {
                return "an empty span or one outside the file";
            }

            SyntaxNode node = root.FindNode(location.SourceSpan, getInnermostNodeForTie: true);
            for (SyntaxNode? current = node; current != null; current = current.Parent)
            {
                switch (current)
                {
                    case BaseObjectCreationExpressionSyntax creation when IsSpecType(model.GetTypeInfo(creation).Type):
                        return null;
                    case AssignmentExpressionSyntax assignment when TargetsSpecMember(assignment.Left, model):
                        return null;
                    case InvocationExpressionSyntax invocation when model.GetSymbolInfo(invocation).Symbol is IMethodSymbol { DeclaringSyntaxReferences.Length: > 0 }:
                        // A call to a method with source: the analyzer applies what it sets there, and shows those values at the call.
                        return null;
                    case PostfixUnaryExpressionSyntax postfix when postfix.Kind() is SyntaxKind.PostIncrementExpression or SyntaxKind.PostDecrementExpression && TargetsSpecMember(postfix.Operand, model):
                        return null;
                    case PrefixUnaryExpressionSyntax prefix when prefix.Kind() is SyntaxKind.PreIncrementExpression or SyntaxKind.PreDecrementExpression && TargetsSpecMember(prefix.Operand, model):
                        return null;
                    case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax:
                        return "not inside a creation of a spec object, an assignment to a spec member or a call to a method with source (searched up to " + current.Kind() + ")";
                }
            }

            return "not inside a creation of a spec object, an assignment to a spec member or a call to a method with source";
        }

        private static bool TargetsSpecMember(ExpressionSyntax target, SemanticModel model)
        {
            switch (target)
            {
                case TupleExpressionSyntax tuple:
                    return tuple.Arguments.Any(a => TargetsSpecMember(a.Expression, model));
                case DeclarationExpressionSyntax:
                    return false;
                default:
                    return model.GetSymbolInfo(target).Symbol is IPropertySymbol property && IsSpecType(property.ContainingType);
            }
        }

        /// <summary>A type generated from a spec: it carries the EmrSpecMetadata attribute.</summary>
        public static bool IsSpecType(ITypeSymbol? type) =>
            type is INamedTypeSymbol named && named.GetAttributes().Any(a => a.AttributeClass?.Name == GeneratedNames.SpecMetadataAttribute);
    }
}
