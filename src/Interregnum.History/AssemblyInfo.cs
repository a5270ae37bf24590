namespace Interregnum.History;
