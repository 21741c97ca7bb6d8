Console.WriteLine(Layouts.LibA.Requests.Placement("ap-guangzhou-3"));
Console.WriteLine(Layouts.LibB.Requests.Placement("ap-shanghai-2"));
