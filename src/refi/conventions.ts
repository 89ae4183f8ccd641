// What qda writes into REFI-QDA files and reads back from them.

/** The origin qda writes into REFI-QDA files. */
export const QDA_ORIGIN = 'qda 0.1.0';

/** The fence of the block in a project's Description where qda states how its export counts positions. */
export const PROJECT_FENCE = 'qda-project';
