using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Emr.Codegen.Generator;
using Emr.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Emr.Codegen.Tests.Campaign
{
    /// <summary>What one mutant did to the generator.</summary>
    internal sealed record MutantOutcome(IReadOnlyList<string> Problems, IReadOnlyList<string> SpecDiagnosticIds, int GeneratedFiles, int CompiledTrees, bool Parsed)
    {
        public bool Passed => Problems.Count == 0;
    }

    /// <summary>
    /// Runs the generator on a spec and checks the campaign's guarantees: the generator never throws (no CS8785), hint
    /// names never collide, every spec problem is a located EMR1xxx error (file, line and column agree with the spec text),
    /// nothing from a spec string surfaces as code, and the generated code compiles with no error or warning.
    /// </summary>
    /// <remarks>
    /// Compiling thousands of outputs in full would take an hour on the CI machine, so compilation is incremental: a
    /// generated file's diagnostics depend only on its text and on the declarations it can see. Its key is its text plus
    /// the declarations of every generated file that declares a namespace-level type it may name, closed
    /// transitively over the declarations alone (see <see cref="SkeletonRewriter"/>); a file whose key was already compiled
    /// clean is not bound again. Each mutant's compilation is
    /// derived from one base compilation, so the framework's metadata is read once. Every
    /// <see cref="FullCompileEvery"/>th compiled mutant is also compiled in full (whole-compilation diagnostics,
    /// unused-member warnings included), and the two must agree.
    /// </remarks>
    internal sealed class MutantChecker
    {
        public const string SpecPath = "/campaign/spec.json";

        private const int FullCompileEvery = 50;

        private readonly CSharpCompilation _baseCompilation = GeneratorHarness.CreateCompilation(Array.Empty<string>(), "CampaignConsumer");
        private readonly ConcurrentDictionary<string, bool> _cleanKeys = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, TreeFacts> _facts = new ConcurrentDictionary<string, TreeFacts>(StringComparer.Ordinal);
        private int _compiledMutants;

        public int FullCompiles;

        public int TreesBound;

        public int TreesReused;

        public long GeneratorTicks;

        public long BindTicks;

        public long FullCompileTicks;

        public MutantOutcome Check(string specText, bool fullCompile = false)
        {
            var problems = new List<string>();
            var specText2 = new InMemoryAdditionalText(SpecPath, specText);
            GeneratorDriver driver = CSharpGeneratorDriver.Create(
                new[] { new EmrGenerator().AsSourceGenerator() },
                new AdditionalText[] { specText2 },
                GeneratorHarness.ParseOptions,
                new SpecOptionsProvider(new[] { SpecPath }),
                new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));
            long started = System.Diagnostics.Stopwatch.GetTimestamp();
            driver = driver.RunGenerators(_baseCompilation);
            Interlocked.Add(ref GeneratorTicks, System.Diagnostics.Stopwatch.GetTimestamp() - started);
            GeneratorDriverRunResult run = driver.GetRunResult();
            GeneratorRunResult result = run.Results.Single();
            if (result.Exception != null)
            {
                problems.Add("the generator threw " + result.Exception.GetType().Name + ": " + result.Exception.Message);
            }

            foreach (Diagnostic diagnostic in run.Diagnostics.Where(d => !d.Id.StartsWith("EMR1", StringComparison.Ordinal)))
            {
                problems.Add("driver diagnostic " + diagnostic);
            }

            var ids = new List<string>();
            SourceText spec = SourceText.From(specText);
            foreach (Diagnostic diagnostic in result.Diagnostics)
            {
                ids.Add(diagnostic.Id);
                string? located = LocationProblem(diagnostic, spec, specText);
                if (located != null)
                {
                    problems.Add(located);
                }
            }

            bool parsed = !ids.Contains("EMR1001") && !result.Diagnostics.Any(d => d.GetMessage().StartsWith("A spec file holds a JSON object", StringComparison.Ordinal));
            ImmutableArray<GeneratedSourceResult> sources = result.GeneratedSources;
            foreach (IGrouping<string, GeneratedSourceResult> clash in sources.GroupBy(s => s.HintName, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                problems.Add("hint names collide: " + string.Join(", ", clash.Select(s => s.HintName)));
            }

            if (parsed && result.Exception is null && sources.Length == 0)
            {
                problems.Add("the spec parsed, but nothing was generated (the valid rest must still generate)");
            }

            int compiled = 0;
            if (sources.Length > 0)
            {
                foreach (GeneratedSourceResult source in sources)
                {
                    string? injected = InjectionProblem(source.SyntaxTree);
                    if (injected != null)
                    {
                        problems.Add(source.HintName + ": " + injected);
                    }
                }

                compiled = Compile(sources.Select(s => s.SyntaxTree).ToList(), problems, fullCompile);
            }

            return new MutantOutcome(problems, ids, sources.Length, compiled, parsed);
        }

        /// <summary>A spec diagnostic is an error in the spec file, at a line and column that match its offset in the text.</summary>
        private static string? LocationProblem(Diagnostic diagnostic, SourceText spec, string text)
        {
            if (!diagnostic.Id.StartsWith("EMR1", StringComparison.Ordinal) || diagnostic.Severity != DiagnosticSeverity.Error)
            {
                return "unexpected generator diagnostic " + diagnostic;
            }

            FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
            if (span.Path != SpecPath)
            {
                return diagnostic.Id + " is not located in the spec file: " + diagnostic;
            }

            int offset = diagnostic.Location.SourceSpan.Start;
            if (offset < 0 || offset > text.Length)
            {
                return diagnostic.Id + " has offset " + offset + " outside the spec (" + text.Length + " characters): " + diagnostic.GetMessage();
            }

            LinePosition expected = spec.Lines.GetLinePosition(offset);
            if (text.Length > 0 && text[0] == '\uFEFF' && expected.Line == 0 && expected.Character > 0)
            {
                // The byte order mark is not a column an editor shows.
                expected = new LinePosition(0, expected.Character - 1);
            }

            if (span.StartLinePosition != expected)
            {
                return diagnostic.Id + " at line " + (span.StartLinePosition.Line + 1) + ", column " + (span.StartLinePosition.Character + 1) + ", but its offset " + offset + " is line " + (expected.Line + 1) + ", column " + (expected.Character + 1) + ": " + diagnostic.GetMessage();
            }

            return null;
        }

        /// <summary>
        /// The canary the mutator puts in spec strings (as <c>class Canary { }</c>, <c>Canary();</c>, <c>#error Canary</c>) must never
        /// become code: not a declared class, not a call, not a directive. It may appear in literals and comments, and inside an
        /// identifier made of a spec text's letters (a sanitized namespace or error-code member name), which is not code of its own.
        /// </summary>
        private static string? InjectionProblem(SyntaxTree tree)
        {
            if (tree.GetText().ToString().IndexOf(HostileNames.Canary, StringComparison.Ordinal) < 0)
            {
                return null;
            }

            foreach (SyntaxToken token in tree.GetRoot().DescendantTokens(descendIntoTrivia: true))
            {
                if (token.Text.Contains(HostileNames.Canary, StringComparison.Ordinal) && !IsLiteralOrDocText(token) && !IsSanitizedName(token))
                {
                    return "spec text surfaced as code: token " + token.Kind() + " '" + SpecMutator.Escape(token.Text) + "' at " + token.GetLocation().GetLineSpan().StartLinePosition;
                }

                foreach (SyntaxTrivia trivia in token.LeadingTrivia.Concat(token.TrailingTrivia))
                {
                    if (!trivia.HasStructure && trivia.ToString().Contains(HostileNames.Canary, StringComparison.Ordinal)
                        && !trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) && !trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
                    {
                        return "spec text surfaced as " + trivia.Kind() + " '" + SpecMutator.Escape(trivia.ToString()) + "'";
                    }
                }
            }

            return null;
        }

        private static bool IsSanitizedName(SyntaxToken token) =>
            token.IsKind(SyntaxKind.IdentifierToken) && !(token.ValueText == HostileNames.Canary && (token.GetPreviousToken().IsKind(SyntaxKind.ClassKeyword) || token.GetNextToken().IsKind(SyntaxKind.OpenParenToken)));

        private static bool IsLiteralOrDocText(SyntaxToken token) =>
            token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken)
            || token.IsKind(SyntaxKind.InterpolatedStringTextToken) || token.IsKind(SyntaxKind.Utf8StringLiteralToken) || token.IsKind(SyntaxKind.XmlTextLiteralToken)
            || token.IsKind(SyntaxKind.CharacterLiteralToken);

        private int Compile(List<SyntaxTree> trees, List<string> problems, bool fullCompile)
        {
            CSharpCompilation compilation = _baseCompilation.AddSyntaxTrees(trees);
            var facts = trees.Select(t => _facts.GetOrAdd(Checksum(t), _ => TreeFacts.Of(t))).ToList();
            var declaredBy = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (int i = 0; i < trees.Count; i++)
            {
                foreach (string name in facts[i].Declared)
                {
                    if (!declaredBy.TryGetValue(name, out List<int>? list))
                    {
                        declaredBy[name] = list = new List<int>();
                    }

                    list.Add(i);
                }
            }

            var keys = new string[trees.Count];
            for (int i = 0; i < trees.Count; i++)
            {
                var closure = new SortedSet<int> { i };
                var queue = new Queue<int>(closure);
                while (queue.Count > 0)
                {
                    int next = queue.Dequeue();
                    foreach (string identifier in next == i ? facts[next].Identifiers : facts[next].SkeletonIdentifiers)
                    {
                        if (declaredBy.TryGetValue(identifier, out List<int>? declaring))
                        {
                            foreach (int j in declaring.Where(closure.Add))
                            {
                                queue.Enqueue(j);
                            }
                        }
                    }
                }

                keys[i] = facts[i].Checksum + "|" + string.Join(",", closure.Where(j => j != i).Select(j => facts[j].Skeleton).OrderBy(c => c, StringComparer.Ordinal));
            }

            var found = new List<Diagnostic>();
            for (int i = 0; i < trees.Count; i++)
            {
                if (_cleanKeys.ContainsKey(keys[i]))
                {
                    Interlocked.Increment(ref TreesReused);
                    continue;
                }

                Interlocked.Increment(ref TreesBound);
                long started = System.Diagnostics.Stopwatch.GetTimestamp();
                var diagnostics = compilation.GetSemanticModel(trees[i]).GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
                Interlocked.Add(ref BindTicks, System.Diagnostics.Stopwatch.GetTimestamp() - started);
                found.AddRange(diagnostics);
                if (diagnostics.Count == 0)
                {
                    _cleanKeys.TryAdd(keys[i], true);
                }
            }

            if (Interlocked.Increment(ref _compiledMutants) % FullCompileEvery == 1 || fullCompile)
            {
                Interlocked.Increment(ref FullCompiles);
                long started = System.Diagnostics.Stopwatch.GetTimestamp();
                var full = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
                Interlocked.Add(ref FullCompileTicks, System.Diagnostics.Stopwatch.GetTimestamp() - started);
                foreach (Diagnostic missed in full.Where(d => !found.Any(f => f.Id == d.Id && f.Location == d.Location)))
                {
                    found.Add(missed);
                    problems.Add("the full compile found what the incremental one did not (or a whole-compilation diagnostic): " + missed);
                }
            }

            foreach (Diagnostic diagnostic in found.Take(5))
            {
                problems.Add("generated code does not compile: " + diagnostic.Id + " " + diagnostic.Location.GetLineSpan() + ": " + diagnostic.GetMessage() + " [" + SourceLine(diagnostic) + "]");
            }

            return trees.Count;
        }

        private static string SourceLine(Diagnostic diagnostic)
        {
            if (diagnostic.Location.SourceTree is not SyntaxTree tree)
            {
                return string.Empty;
            }

            SourceText text = tree.GetText();
            return SpecMutator.Escape(text.Lines.GetLineFromPosition(diagnostic.Location.SourceSpan.Start).ToString().Trim());
        }

        private static string Checksum(SyntaxTree tree) => Convert.ToHexString(tree.GetText().GetChecksum().AsSpan());

        /// <summary>
        /// The identifiers a file mentions and the type names it declares; and the same of its declarations alone (its
        /// skeleton: signatures, constants and attributes, no bodies or initializers), which is all another file's binding can
        /// depend on. A namespace is not a declaration here: it holds nothing of its own, and a type that clashes with a
        /// namespace's name is found through the namespace's identifier.
        /// </summary>
        private sealed record TreeFacts(string Checksum, HashSet<string> Identifiers, HashSet<string> Declared, string Skeleton, HashSet<string> SkeletonIdentifiers)
        {
            public static TreeFacts Of(SyntaxTree tree)
            {
                SyntaxNode root = tree.GetRoot();
                SyntaxNode skeleton = new SkeletonRewriter().Visit(root);
                var (identifiers, declared) = Names(root);
                var (skeletonIdentifiers, _) = Names(skeleton);
                var text = new StringBuilder();
                foreach (SyntaxToken token in skeleton.DescendantTokens())
                {
                    text.Append(token.Text).Append(' ');
                }

                string skeletonHash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
                return new TreeFacts(MutantChecker.Checksum(tree), identifiers, declared, skeletonHash, skeletonIdentifiers);
            }

            private static (HashSet<string> Identifiers, HashSet<string> Declared) Names(SyntaxNode root)
            {
                var namespaces = new HashSet<string>(root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().Select(n => n.Name.ToString()), StringComparer.Ordinal);
                var identifiers = new HashSet<string>(StringComparer.Ordinal);
                foreach (SimpleNameSyntax name in root.DescendantNodes().OfType<SimpleNameSyntax>())
                {
                    // A name after a dot binds in what is left of the dot: only a namespace-qualified name (global::Ns.Type)
                    // reaches another generated file's type; x.Member does not (x's own type is reached where x is declared).
                    SyntaxNode? left = name.Parent switch
                    {
                        QualifiedNameSyntax qualified when qualified.Right == name => qualified.Left,
                        MemberAccessExpressionSyntax access when access.Name == name => access.Expression,
                        _ => null,
                    };
                    if (left is null || IsNamespaceReference(left, namespaces))
                    {
                        identifiers.Add(name.Identifier.ValueText);
                    }
                }

                var declared = new HashSet<string>(StringComparer.Ordinal);
                foreach (SyntaxNode node in root.DescendantNodes())
                {
                    switch (node)
                    {
                        // Only namespace members: a nested type is reached through its container, whose name is the mention.
                        case BaseTypeDeclarationSyntax type when type.Parent is BaseNamespaceDeclarationSyntax or CompilationUnitSyntax:
                            declared.Add(type.Identifier.ValueText);
                            break;
                        case DelegateDeclarationSyntax type when type.Parent is BaseNamespaceDeclarationSyntax or CompilationUnitSyntax:
                            declared.Add(type.Identifier.ValueText);
                            break;
                    }
                }

                // A type clashes with a same-named type of another file: its own declared names count as mentions.
                identifiers.UnionWith(declared);
                return (identifiers, declared);
            }

            /// <summary>
            /// Whether the expression left of a dot may be a namespace (or a type in one): global::A.B, or A.B where A starts a
            /// namespace this file declares. A local, a parameter, this or a call is not (generated code qualifies with global::).
            /// </summary>
            private static bool IsNamespaceReference(SyntaxNode left, HashSet<string> namespaces) => left switch
            {
                AliasQualifiedNameSyntax => true,
                IdentifierNameSyntax identifier => namespaces.Any(n => n == identifier.Identifier.ValueText || n.StartsWith(identifier.Identifier.ValueText + ".", StringComparison.Ordinal)),
                QualifiedNameSyntax qualified => IsNamespaceReference(qualified.Left, namespaces),
                MemberAccessExpressionSyntax access => IsNamespaceReference(access.Expression, namespaces),
                _ => false,
            };
        }

        public string Timing() => string.Format(
            System.Globalization.CultureInfo.InvariantCulture,
            "generator {0:F1} s, binding {1:F1} s, full compiles {2:F1} s (thread time)",
            GeneratorTicks / (double)System.Diagnostics.Stopwatch.Frequency,
            BindTicks / (double)System.Diagnostics.Stopwatch.Frequency,
            FullCompileTicks / (double)System.Diagnostics.Stopwatch.Frequency);

        /// <summary>Declarations without what only their own file's binding sees: bodies, non-constant initializers, string values.</summary>
        private sealed class SkeletonRewriter : CSharpSyntaxRewriter
        {
            public override SyntaxNode? VisitBlock(BlockSyntax node) => SyntaxFactory.Block();

            public override SyntaxNode? VisitArrowExpressionClause(ArrowExpressionClauseSyntax node) => node.WithExpression(SyntaxFactory.IdentifierName("_"));

            public override SyntaxNode? VisitEqualsValueClause(EqualsValueClauseSyntax node) =>
                node.Parent is VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax field } && !field.Modifiers.Any(SyntaxKind.ConstKeyword)
                    ? node.WithValue(SyntaxFactory.IdentifierName("_"))
                    : node.Parent is PropertyDeclarationSyntax ? node.WithValue(SyntaxFactory.IdentifierName("_")) : base.VisitEqualsValueClause(node);

            public override SyntaxNode? VisitConstructorInitializer(ConstructorInitializerSyntax node) => node.WithArgumentList(SyntaxFactory.ArgumentList());

            // A string constant's value (each type's spec fragment) changes with every spec change; generated files never use
            // another file's string constant where its value matters (a case label, an attribute), which the full compiles check.
            public override SyntaxNode? VisitLiteralExpression(LiteralExpressionSyntax node) =>
                node.IsKind(SyntaxKind.StringLiteralExpression) ? SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(string.Empty)) : node;
        }

        /// <summary>For reports: the first lines of a spec's text.</summary>
        public static string Excerpt(string text, int max = 4000) => text.Length <= max ? text : text.Substring(0, max) + "\n... (" + text.Length + " characters)";

        public static string Describe(MutantOutcome outcome) => new StringBuilder().AppendJoin("\n  ", outcome.Problems).ToString();
    }
}
