import { Box, Button, Card, CardContent, Chip, List as MuiList, ListItem, ListItemButton, ListItemText, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { apiJson } from '../../providers/api';
import { useApi } from '../../providers/useApi';
import { messageOf } from '../cases/TransitionsPanel';
import { linkOf, messageKey, type NotificationRecord } from './notification';

/** A notification in the screen's language, with the case number or date it is about. */
export const NotificationText = ({ notification }: { notification: NotificationRecord }) => {
  const translate = useTranslate();
  return <>{translate(messageKey(notification.kind), { _: notification.kind, ...notification.params })}</>;
};

/** The user's notifications, unread first to read; opening one marks it read and goes where it leads. */
export const NotificationList = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const navigate = useNavigate();
  const [show, setShow] = useState<'unread' | 'all'>('unread');
  const { data, reload } = useApi<NotificationRecord[]>('/notifications');
  const items = (data ?? []).filter((item) => show === 'all' || item.readAt === null);
  const unread = (data ?? []).filter((item) => item.readAt === null).length;

  const markRead = async (ids?: string[]) => {
    try {
      await apiJson('/notifications/read', { method: 'POST', body: ids ? { ids } : {} });
      reload();
    } catch (error) {
      notify(messageOf(error), { type: 'error', messageArgs: { _: messageOf(error) } });
    }
  };

  const open = async (notification: NotificationRecord) => {
    if (notification.readAt === null) await markRead([notification.id]);
    const link = linkOf(notification);
    if (link) navigate(link);
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('resources.notifications.name', { smart_count: 2 })} />
      <CardContent>
        <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
          <Typography variant="h5" component="h1">
            {translate('resources.notifications.name', { smart_count: 2 })}
          </Typography>
          <Chip label={translate('resources.notifications.unread_count', { smart_count: unread })} color={unread ? 'primary' : 'default'} />
          <ToggleButtonGroup size="small" exclusive value={show} onChange={(_event, value: 'unread' | 'all' | null) => value && setShow(value)}>
            <ToggleButton value="unread">{translate('resources.notifications.filter.unread')}</ToggleButton>
            <ToggleButton value="all">{translate('resources.notifications.filter.all')}</ToggleButton>
          </ToggleButtonGroup>
          <Box sx={{ flex: 1 }} />
          <Button onClick={() => void markRead()} disabled={unread === 0}>
            {translate('resources.notifications.mark_all_read')}
          </Button>
        </Stack>
        {items.length === 0 ? <Typography color="text.secondary">{translate('resources.notifications.none')}</Typography> : null}
        <MuiList>
          {items.map((notification) => (
            <ListItem key={notification.id} disablePadding divider>
              <ListItemButton onClick={() => void open(notification)} data-testid="notification" data-read={notification.readAt !== null}>
                <ListItemText
                  primary={<NotificationText notification={notification} />}
                  secondary={new Date(notification.createdAt).toLocaleString(locale)}
                  slotProps={{ primary: { sx: { fontWeight: notification.readAt === null ? 600 : 400 } } }}
                />
                {notification.readAt === null ? <Chip size="small" color="primary" label={translate('resources.notifications.new')} /> : null}
              </ListItemButton>
            </ListItem>
          ))}
        </MuiList>
      </CardContent>
    </Card>
  );
};
