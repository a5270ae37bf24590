namespace Interregnum;
