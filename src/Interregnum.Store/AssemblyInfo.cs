namespace Interregnum.Store;
